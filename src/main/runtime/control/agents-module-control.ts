// The ControlApi's handle on the user's agents module: its status, load and reload.
import type { AgentsModuleStatus } from '@shared/api/responses'

/**
 * What hosts the user's agents module for the ControlApi (the app frame, with
 * its data folder): which file, choosing another, and seed 001's reload.
 */
export interface AgentsModuleControl {
  status(): AgentsModuleStatus
  /** Validates (imports it) before anything changes; '' chooses none. */
  set(path: string): Promise<AgentsModuleStatus>
  /** Broadcasts `reload` (every process re-imports its module) and answers this process's own reload. */
  reload(role: string | undefined): Promise<{ receivers: number; roles: string[]; restarted: number }>
}

/** Where no process hosts a module (a bare runtime): the module requests say so. */
export const noAgentsModule: AgentsModuleControl = {
  status: () => ({ path: null, source: null, roles: [], error: null }),
  set: () => Promise.reject(new Error('this process has no agents module setting')),
  reload: () => Promise.reject(new Error('this process has no agents module')),
}
