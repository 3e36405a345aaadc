// The `switchyard worker` command.
import { redactUrl, redisConfigFromEnv } from '../../redis/connection-config'
import { AgentRuntime } from '../core/agent-runtime'
import { runtimeOptionsFromEnv } from '../core/options'
import { isRuntimeRole, pipelineRoles } from '../agents/role-catalog'
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
  /** --metrics-port: Prometheus /metrics on 127.0.0.1 (0 = a free port). */
  metricsPort?: number
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
  console.log(`worker ready: ${started.length} agents (${roles.join(', ')}) on ${redactUrl(redis)}`)
  for (const agent of started) console.log(`  ${agent.agentId} ${agent.role}`)
  logger('worker').info({ agents: started.map((a) => a.agentId), roles }, `worker ready on ${redactUrl(redis)}`)
}
