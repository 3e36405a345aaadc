// The `switchyard worker` command.
import { redactUrl, redisConfigFromEnv } from '../../redis/connection-config'
import { AgentRuntime } from '../core/agent-runtime'
import { runtimeOptionsFromEnv } from '../core/options'
import { isRuntimeRole, pipelineRoles } from '../agents/role-catalog'
import { UserRoles } from '../user-agents/user-roles'
import { exitCleanlyOnSignals } from './shutdown'
import { logger } from '../../log/logger'
import { serveRuntimeMetrics } from '../../metrics/serve-runtime-metrics'
import type { MetricsServer } from '../../metrics/metrics-server'

export type PipelineName = 'demo' | 'doc-review' | 'all'

export interface WorkerArgs {
  roles: string[]
  pipeline?: PipelineName
  instances: number
  claimIdleMs?: number
  statsDir?: string
  /** A user's agents module: every exported agent class is a role. */
  agents?: string
  /** --metrics-port: Prometheus /metrics on 127.0.0.1 (0 = a free port). */
  metricsPort?: number
}

/**
 * `switchyard worker`: starts the roles, prints one "ready" line, and on
 * SIGINT/SIGTERM stops agents, closes Redis and writes the final statistics.
 * With --agents and no --roles/--pipeline, it runs every role of the module.
 */
export async function runWorker(args: WorkerArgs): Promise<void> {
  const redis = redisConfigFromEnv()
  const runtime = new AgentRuntime({
    ...runtimeOptionsFromEnv(),
    redis,
    ...(args.claimIdleMs !== undefined ? { claimIdleMs: args.claimIdleMs } : {}),
    ...(args.statsDir ? { statsDir: args.statsDir } : {}),
  })
  // Loaded before Redis is touched: a broken module stops the worker at once.
  const user = args.agents
    ? new UserRoles(runtime, args.agents, {
        onReloaded: ({ roles, restarted }) => console.log(`worker: reloaded ${args.agents}: ${roles.join(', ')} (${restarted} instances restarted)`),
        onReloadFailed: (error) => console.error(`worker: reload failed, the running agents stay: ${error instanceof Error ? error.message : String(error)}`),
      })
    : null
  const userRoles = user ? (await user.load()).roles.map((r) => r.role) : []
  const asked = [...(args.pipeline ? pipelineRoles[args.pipeline] : []), ...args.roles]
  const roles = [...new Set(asked.length > 0 || !user ? asked : userRoles)]
  if (roles.length === 0) throw new Error('give --roles a,b, --pipeline demo|doc-review|all, or --agents FILE')
  const unknown = roles.filter((r) => !isRuntimeRole(r) && !userRoles.includes(r))
  if (unknown.length > 0) {
    const known = [...userRoles, ...pipelineRoles.all.filter((r) => !userRoles.includes(r))]
    throw new Error(`unknown role(s): ${unknown.join(', ')}; known: ${known.join(', ')}`)
  }
  runtime.on('error', (error: unknown) => logger('worker').error({ err: error }, `worker error: ${error instanceof Error ? error.message : String(error)}`))

  let metrics: MetricsServer | null = null
  const close = async (): Promise<void> => {
    await runtime.close()
    await metrics?.close()
  }
  exitCleanlyOnSignals(close, (line) => logger('worker').info(`worker: ${line}`))

  await runtime.start()
  if (args.metricsPort !== undefined) {
    metrics = await serveRuntimeMetrics(() => runtime, args.metricsPort)
    console.log(`worker metrics on ${metrics.url}`)
  }
  const started = []
  for (const role of roles) started.push(...(await runtime.startRole(role, role === 'stats' ? 1 : args.instances)))
  for (const agent of started) {
    const source = runtime.roles.definition(agent.role)?.source
    console.log(`  ${agent.agentId} ${agent.role}${source ? ` (${source})` : ''}`)
  }
  // The command's answer, on stdout after the list: whoever waits for it has the whole list above.
  console.log(`worker ready: ${started.length} agents (${roles.join(', ')}) on ${redactUrl(redis)}`)
  logger('worker').info({ agents: started.map((a) => a.agentId), roles }, `worker ready on ${redactUrl(redis)}`)
}
