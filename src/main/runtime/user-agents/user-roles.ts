// A user's agents module as roles of one runtime, reloadable.
import type { AgentRuntime } from '../core/agent-runtime'
import { loadAgentsModule, type LoadedAgentsModule } from './load-agents-module'

export interface UserRolesOptions {
  /** Folder the module's path is relative to (default the process's). */
  cwd?: string
  /** After a reload that a control command asked for. */
  onReloaded?: (outcome: ReloadOutcome) => void
  /** A reload that failed (the running classes stay); without it the runtime's 'error' hears of it. */
  onReloadFailed?: (error: unknown) => void
}

export interface ReloadOutcome {
  /** Roles the module exports now. */
  roles: string[]
  /** Instances started with the new classes (the old ones drained and stopped). */
  restarted: number
}

/**
 * A user's agents module as roles of one runtime. reload() imports it afresh
 * and, role by role, starts the new class's instances before draining the
 * old ones: the role's group is read throughout, and the old instances write
 * what they hold before they stop, so no entry is lost. A module that no
 * longer loads leaves the running classes as they are, and says why.
 */
export class UserRoles {
  private current: LoadedAgentsModule | null = null
  private version = 0
  private queue: Promise<unknown> = Promise.resolve()
  private detach: (() => void) | null = null
  private readonly waiters: Array<{ resolve: (outcome: ReloadOutcome) => void; reject: (error: unknown) => void }> = []

  constructor(
    private readonly runtime: AgentRuntime,
    readonly path: string,
    private readonly options: UserRolesOptions = {},
  ) {}

  /** Imports the module, defines its roles, and answers to `reload` control commands from now on. */
  async load(): Promise<LoadedAgentsModule> {
    const loaded = await loadAgentsModule(this.path, { cwd: this.options.cwd })
    this.define(loaded)
    this.detach ??= this.runtime.onReload((role) => {
      const run = this.reload(role)
      for (const waiter of this.waiters.splice(0)) run.then(waiter.resolve, waiter.reject)
      return run.then(
        (outcome) => this.options.onReloaded?.(outcome),
        (error: unknown) => {
          if (!this.options.onReloadFailed) throw error
          this.options.onReloadFailed(error)
        },
      )
    })
    return loaded
  }

  /** Settles with the next reload that a control command starts (the app's Reload button waits on it). */
  nextReload(): Promise<ReloadOutcome> {
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }))
  }

  roles(): string[] {
    return this.current?.roles.map((r) => r.role) ?? []
  }

  module(): LoadedAgentsModule | null {
    return this.current
  }

  /** Re-imports the module; restarts the instances of its roles (or of `role` only) with a drain. */
  reload(role: string | null = null): Promise<ReloadOutcome> {
    const run = this.queue.then(() => this.doReload(role))
    this.queue = run.catch(() => undefined)
    return run
  }

  private async doReload(only: string | null): Promise<ReloadOutcome> {
    this.version += 1
    const previous = new Set(this.roles())
    const loaded = await loadAgentsModule(this.path, { cwd: this.options.cwd, version: this.version })
    this.define(loaded)
    let restarted = 0
    for (const { role } of loaded.roles) {
      if (only !== null && role !== only) continue
      const old = this.runtime.agentIdsOf(role)
      if (old.length === 0) continue
      await this.runtime.startRole(role, old.length)
      restarted += old.length
      await Promise.all(old.map((id) => this.runtime.stopAgent(id, { drain: true }).catch(() => undefined)))
    }
    // A role the module no longer exports: its instances drain and stop.
    for (const gone of previous) {
      if (loaded.roles.some((r) => r.role === gone) || (only !== null && gone !== only)) continue
      await this.runtime.stopRole(gone, { drain: true })
    }
    return { roles: loaded.roles.map((r) => r.role), restarted }
  }

  private define(loaded: LoadedAgentsModule): void {
    for (const old of this.current?.roles ?? []) this.runtime.roles.undefine(old.role)
    for (const r of loaded.roles) {
      this.runtime.roles.define(r.role, { create: r.create, description: `${r.exportName} from ${loaded.label}`, source: `${loaded.label}: export ${r.exportName}` })
    }
    this.current = loaded
  }

  /** Stops answering reloads, and (forget) takes its roles off the runtime's list. */
  dispose(options: { forget?: boolean } = {}): void {
    this.detach?.()
    this.detach = null
    if (options.forget) for (const r of this.current?.roles ?? []) this.runtime.roles.undefine(r.role)
  }
}
