import { redactUrl, redisConfigFromEnv } from '../../redis/connection-config'
import { AgentRuntime } from '../agent-runtime'
import { runtimeOptionsFromEnv } from '../options'
import { isRuntimeRole, pipelineRoles } from '../role-catalog'

export type PipelineName = 'demo' | 'doc-review' | 'all'

export interface WorkerArgs {
  roles: string[]
  pipeline?: PipelineName
  instances: number
  claimIdleMs?: number
  statsDir?: string
}

/** Hard stop if a clean shutdown hangs anyway (agents 2 s + Redis 1 s + stats, with room). */
export const SHUTDOWN_HARD_LIMIT_MS = 5_000

/**
 * `switchyard worker`: starts the roles, prints one "ready" line, and on
 * SIGINT/SIGTERM stops agents, closes Redis and writes the final statistics.
 */
export async function runWorker(args: WorkerArgs): Promise<void> {
  const roles = [...new Set([...(args.pipeline ? pipelineRoles[args.pipeline] : []), ...args.roles])]
  if (roles.length === 0) throw new Error('give --roles a,b or --pipeline demo|doc-review|all')
  const unknown = roles.filter((r) => !isRuntimeRole(r))
  if (unknown.length > 0) throw new Error(`unknown role(s): ${unknown.join(', ')}`)
  const redis = redisConfigFromEnv()
  const runtime = new AgentRuntime({
    ...runtimeOptionsFromEnv(),
    redis,
    ...(args.claimIdleMs !== undefined ? { claimIdleMs: args.claimIdleMs } : {}),
    ...(args.statsDir ? { statsDir: args.statsDir } : {}),
  })
  runtime.on('error', (error: unknown) => console.error(`worker error: ${error instanceof Error ? error.message : String(error)}`))

  let shuttingDown = false
  const shutdown = (signal: string): void => {
    if (shuttingDown) return
    shuttingDown = true
    console.log(`worker: ${signal}, stopping`)
    setTimeout(() => process.exit(1), SHUTDOWN_HARD_LIMIT_MS).unref()
    runtime.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))

  await runtime.start()
  const started = []
  for (const role of roles) started.push(...(await runtime.startRole(role, role === 'stats' ? 1 : args.instances)))
  console.log(`worker ready: ${started.length} agents (${roles.join(', ')}) on ${redactUrl(redis)}`)
  for (const agent of started) console.log(`  ${agent.agentId} ${agent.role}`)
}
