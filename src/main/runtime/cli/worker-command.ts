// The `switchyard worker` command.
import { redactUrl, redisConfigFromEnv } from '../../redis/connection-config'
import { AgentRuntime } from '../core/agent-runtime'
import { runtimeOptionsFromEnv } from '../core/options'
import { isRuntimeRole, pipelineRoles } from '../agents/role-catalog'
import { exitCleanlyOnSignals } from './shutdown'

export type PipelineName = 'demo' | 'doc-review' | 'all'

export interface WorkerArgs {
  roles: string[]
  pipeline?: PipelineName
  instances: number
  claimIdleMs?: number
  statsDir?: string
}


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

  exitCleanlyOnSignals(() => runtime.close(), (line) => console.log(`worker: ${line}`))

  await runtime.start()
  const started = []
  for (const role of roles) started.push(...(await runtime.startRole(role, role === 'stats' ? 1 : args.instances)))
  console.log(`worker ready: ${started.length} agents (${roles.join(', ')}) on ${redactUrl(redis)}`)
  for (const agent of started) console.log(`  ${agent.agentId} ${agent.role}`)
}
