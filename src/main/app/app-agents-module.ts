import { join, resolve } from 'node:path'
import type { AgentsModuleStatus } from '@shared/api'
import { HandlerError } from '@shared/result'
import { loadAgentsModule, UserRoles, type AgentRuntime } from '../runtime'
import type { AgentsModuleControl } from '../runtime/control/agents-module-control'
import { AgentsModuleSetting } from './agents-module-setting'

/** How long the Reload button waits for this process's own reload. */
export const RELOAD_WAIT_MS = 30_000

/**
 * The app's agents module: the file chosen in the Agents view (remembered)
 * or SWITCHYARD_AGENTS_MODULE, loaded into each runtime the session builds,
 * one instance of each of its roles started. A module that fails to load
 * leaves the app running and says why on the status.
 */
export class AppAgentsModule implements AgentsModuleControl {
  private runtime: AgentRuntime | null = null
  private roles: UserRoles | null = null
  private error: string | null = null

  constructor(
    private readonly setting: AgentsModuleSetting,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** The setting lives in the data folder as agents-module.json. */
  static inDataDir(dataDir: string, env: NodeJS.ProcessEnv): AppAgentsModule {
    return new AppAgentsModule(new AgentsModuleSetting(join(dataDir, 'agents-module.json')), env)
  }

  private chosen(): { path: string; source: 'setting' | 'env' } | null {
    const saved = this.setting.read()
    if (saved !== undefined) return saved === null ? null : { path: saved, source: 'setting' }
    const fromEnv = this.env.SWITCHYARD_AGENTS_MODULE?.trim()
    return fromEnv ? { path: resolve(fromEnv), source: 'env' } : null
  }

  status(): AgentsModuleStatus {
    const chosen = this.chosen()
    return { path: chosen?.path ?? null, source: chosen?.source ?? null, roles: this.roles?.roles() ?? [], error: this.error }
  }

  /**
   * A new runtime (connect, reconnect): loads the module into it and starts
   * one instance of each of its roles, except those the caller starts itself
   * (the operator's counts kept across a reconnect).
   */
  async attach(runtime: AgentRuntime, startedByCaller: string[] = []): Promise<void> {
    this.detach()
    this.runtime = runtime
    const chosen = this.chosen()
    if (!chosen) return
    try {
      await this.switchTo(runtime, chosen.path, startedByCaller)
    } catch (error) {
      this.error = messageOf(error)
    }
  }

  detach(): void {
    this.roles?.dispose()
    this.roles = null
    this.runtime = null
  }

  async set(path: string): Promise<AgentsModuleStatus> {
    const absolute = path === '' ? null : resolve(path)
    const runtime = this.runtime
    try {
      if (absolute && runtime) await this.switchTo(runtime, absolute)
      else if (absolute) await loadAgentsModule(absolute) // not connected: still refuse a module that cannot run
      else await this.clear()
    } catch (error) {
      throw new HandlerError('invalid_request', `path: ${messageOf(error)}`)
    }
    this.setting.write(absolute)
    return this.status()
  }

  async reload(role: string | undefined): Promise<{ receivers: number; roles: string[]; restarted: number }> {
    const runtime = this.runtime
    if (!runtime) throw new HandlerError('not_connected', 'The agent runtime is not running: connect to Redis first')
    const own = this.roles?.nextReload() ?? null
    own?.catch(() => undefined)
    const receivers = await runtime.broadcast('reload', role)
    if (!own) return { receivers, roles: [], restarted: 0 }
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no reload within ${RELOAD_WAIT_MS} ms`)), RELOAD_WAIT_MS)
    })
    try {
      const outcome = await Promise.race([own, late])
      this.error = null
      return { receivers, ...outcome }
    } catch (error) {
      this.error = messageOf(error)
      throw new HandlerError('invalid_request', `reload: ${this.error} (the running agents stay)`)
    } finally {
      clearTimeout(timer)
    }
  }

  /** Loads `path` first (a failure changes nothing), then replaces the old module's roles with a drain. */
  private async switchTo(runtime: AgentRuntime, path: string, leave: string[] = []): Promise<void> {
    const next = new UserRoles(runtime, path, { onReloadFailed: (error) => (this.error = messageOf(error)) })
    const previous = this.roles
    const loaded = await next.load()
    this.roles = next
    this.error = null
    const roles = loaded.roles.map((r) => r.role)
    if (previous) {
      previous.dispose()
      for (const gone of previous.roles().filter((r) => !roles.includes(r))) {
        runtime.roles.undefine(gone)
        await runtime.stopRole(gone, { drain: true })
      }
    }
    for (const role of roles.filter((r) => !leave.includes(r))) {
      const old = runtime.agentIdsOf(role)
      await runtime.startRole(role, Math.max(1, old.length))
      await Promise.all(old.map((id) => runtime.stopAgent(id, { drain: true }).catch(() => undefined)))
    }
  }

  private async clear(): Promise<void> {
    const previous = this.roles
    this.roles = null
    this.error = null
    if (!previous || !this.runtime) return
    previous.dispose({ forget: true })
    for (const role of previous.roles()) await this.runtime.stopRole(role, { drain: true })
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))
