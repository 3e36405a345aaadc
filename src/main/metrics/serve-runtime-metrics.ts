import type { AgentRuntime } from '../runtime/core/agent-runtime'
import { logger } from '../log/logger'
import { startMetricsServer, type MetricsServer } from './metrics-server'
import { createRuntimeMetrics } from './runtime-metrics'

/** Bound on the metrics port. */
const MAX_PORT = 65_535

/** Serves /metrics of the current runtime (the app swaps it on a new connection) on 127.0.0.1:port until close(). */
export async function serveRuntimeMetrics(current: () => AgentRuntime | null, port: number): Promise<MetricsServer> {
  if (!Number.isInteger(port) || port < 0 || port > MAX_PORT) throw new Error(`metrics port must be 0..${MAX_PORT}, got ${port}`)
  const metrics = createRuntimeMetrics({
    localAgents: () => current()?.localAgents() ?? [],
    groups: () => current()?.inputGroups() ?? [],
    redis: () => {
      try {
        return current()?.commandClient() ?? null
      } catch {
        return null // not started yet
      }
    },
  })
  let server: MetricsServer
  try {
    server = await startMetricsServer(metrics.registry, port)
  } catch (error) {
    metrics.stop()
    throw error
  }
  logger('metrics').info(`metrics on ${server.url}`)
  return {
    ...server,
    async close() {
      metrics.stop()
      await server.close()
    },
  }
}

/** SWITCHYARD_METRICS_PORT for the app (desktop or headless); undefined when unset. */
export function appMetricsPortFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.SWITCHYARD_METRICS_PORT?.trim()
  if (!raw) return undefined
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > MAX_PORT) throw new Error(`SWITCHYARD_METRICS_PORT must be a port number, got "${raw}"`)
  return port
}

/** The app's /metrics when SWITCHYARD_METRICS_PORT is set; a failure is logged, never fatal to the app. */
export async function serveAppMetrics(current: () => AgentRuntime | null, env: NodeJS.ProcessEnv = process.env): Promise<MetricsServer | null> {
  try {
    const port = appMetricsPortFromEnv(env)
    return port === undefined ? null : await serveRuntimeMetrics(current, port)
  } catch (error) {
    logger('metrics').error(`no /metrics: ${error instanceof Error ? error.message : String(error)}`)
    return null
  }
}
