import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { AgentInfo } from '@shared/api'
import { startAgentsPush } from '../app/agents-push'
import { AppSession } from '../app/app-session'
import { createSessionDispatcher } from '../app/control-handlers'
import { defaultDataDir } from '../app/data-dir'
import { noSecretStore } from '../app/secret-store'
import { packageRoot } from '../package-root'
import { startWsHost } from './ws-host'
import { logger } from '../log/logger'
import { serveAppMetrics } from '../metrics/serve-runtime-metrics'

export interface HeadlessOptions {
  /** Default SWITCHYARD_PORT, else a free port. */
  port?: number
  /** Default SWITCHYARD_DATA_DIR, else ~/.local/share/switchyard. */
  dataDir?: string
  /** Close cleanly on SIGINT/SIGTERM (default true; tests running it in-process pass false). */
  handleSignals?: boolean
  /** Default process.env. */
  env?: NodeJS.ProcessEnv
  /** Default true: print the URL with its token. */
  print?: boolean
}

/** The built renderer: SWITCHYARD_RENDERER_DIR, else out/renderer of this checkout. */
function rendererDir(env: NodeJS.ProcessEnv): string {
  if (env.SWITCHYARD_RENDERER_DIR) return resolve(env.SWITCHYARD_RENDERER_DIR)
  return join(packageRoot(), 'out', 'renderer')
}

/**
 * Headless mode: the same session and ControlApi as the desktop app, served
 * to a browser over loopback HTTP + WebSocket. Passwords are never stored here.
 */
export async function runHeadless(options: HeadlessOptions = {}): Promise<{ url: string; token: string; close(): Promise<void> }> {
  const env = options.env ?? process.env
  const staticDir = rendererDir(env)
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`the renderer is not built (${staticDir} has no index.html): run "npm run build" first`)
  }
  const envPort = env.SWITCHYARD_PORT ? Number(env.SWITCHYARD_PORT) : undefined
  const port = options.port ?? envPort ?? 0
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`port must be 0-65535, got ${String(port)}`)

  const session = new AppSession({ dataDir: options.dataDir ?? defaultDataDir(env), secrets: noSecretStore, env })
  const dispatch = createSessionDispatcher(session)
  const stopAgentsPush = startAgentsPush(session.bus, async () => {
    const result = await dispatch('agents.list', {})
    if (!result.ok) throw new Error(result.error.message)
    return result.value as AgentInfo[]
  })
  const host = await startWsHost({ dispatch, bus: session.bus, staticDir, port })
  const status = await session.start()
  const metrics = await serveAppMetrics(() => session.runtime(), env)

  let closing: Promise<void> | null = null
  const close = () => {
    closing ??= (async () => {
      stopAgentsPush()
      await metrics?.close()
      await host.close()
      await session.close()
    })()
    return closing
  }
  if (options.handleSignals !== false) {
    const onSignal = (signal: NodeJS.Signals) => {
      logger('host').info(`Switchyard: ${signal}, shutting down…`)
      void close().then(() => process.exit(0))
    }
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
  }
  if (options.print !== false) {
    logger('host').info(`Redis: ${status.target} — ${status.state}${status.error ? ` (${status.error})` : ''}`)
    // The URL carries the one-time token: it is the command's answer (stdout), never a log line.
    console.log(`Switchyard is serving on ${host.url}`)
    logger('host').info(`serving on ${new URL(host.url).origin}/ (token printed on the terminal only)`)
  }
  return { url: host.url, token: host.token, close }
}
