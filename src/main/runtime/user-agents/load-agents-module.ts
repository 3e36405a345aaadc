// Importing a user's agents module and finding its agent classes.
import { statSync } from 'node:fs'
import { dirname, extname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { withoutAdoption } from '../core/active-runtime'
import { AGENT_KIND, agentKindOf, type AgentKind } from '../core/agent-brand'
import type { StreamAgent } from '../core/stream-agent'
import { AgentsModuleError } from './agents-module-error'
import { RELOAD_QUERY } from './reload-query'
import { registerAgentsHooks } from './register-hooks'

/** One agent class of the module, as a role. */
export interface AgentRoleExport {
  role: string
  exportName: string
  kind: AgentKind
  create: () => StreamAgent
}

export interface LoadedAgentsModule {
  /** Absolute path. */
  file: string
  /** As the user gave it, for messages. */
  label: string
  roles: AgentRoleExport[]
}

const EXTENSIONS = new Set(['.mjs', '.js', '.cjs', '.ts', '.mts'])
const TYPESCRIPT = new Set(['.ts', '.mts'])
const ROLE_NAME = /^[A-Za-z0-9_.:-]{1,128}$/

type AgentClass = new () => StreamAgent

/**
 * Imports a user's agents module (ESM .mjs/.js, CommonJS .cjs, TypeScript
 * .ts/.mts with no build step) and answers every exported agent class as a
 * role. A file that does not load, an export that is not an agent class, or
 * two classes with one role: AgentsModuleError naming the file and the export.
 * `version` > 0 imports it afresh (a reload).
 */
export async function loadAgentsModule(path: string, options: { cwd?: string; version?: number } = {}): Promise<LoadedAgentsModule> {
  const label = path
  const file = resolve(options.cwd ?? process.cwd(), path)
  const ext = extname(file)
  if (!isFile(file)) throw new AgentsModuleError(label, null, `no such file (looked for ${file})`)
  if (!EXTENSIONS.has(ext)) throw new AgentsModuleError(label, null, `expected a .mjs, .js, .cjs, .ts or .mts file, got "${ext || 'no extension'}"`)
  const hooked = registerAgentsHooks(dirname(file))
  if (!hooked && TYPESCRIPT.has(ext)) {
    throw new AgentsModuleError(label, null, 'TypeScript agents need the built loader hooks (dist/agents-hooks.js): run "npm run build" in the switchyard checkout')
  }
  const url = `${pathToFileURL(file).href}${options.version ? `?${RELOAD_QUERY}=${options.version}` : ''}`
  let namespace: Record<string, unknown>
  try {
    namespace = (await import(/* @vite-ignore */ url)) as Record<string, unknown>
  } catch (error) {
    throw new AgentsModuleError(label, null, `failed to load: ${describeLoadError(error)}`)
  }
  return { file, label, roles: rolesOf(label, exportsOf(namespace)) }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}

function describeLoadError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  // Node puts a syntax error's file:line on the stack's first line, before the message.
  const where = error.stack?.split('\n')[0]
  return where && where.startsWith('file:') ? `${error.message} (at ${where})` : error.message
}

/** A CommonJS module's `module.exports` object stands for its exports when nothing else is named. */
function exportsOf(namespace: Record<string, unknown>): Array<[string, unknown]> {
  const named = Object.entries(namespace).filter(([name]) => name !== 'default' && name !== 'module.exports')
  const fallback = namespace.default
  if (fallback === undefined) return named
  if (typeof fallback === 'function') return [...named, ['default', fallback]]
  if (named.length === 0 && fallback !== null && typeof fallback === 'object') return Object.entries(fallback)
  return named
}

function rolesOf(label: string, exported: Array<[string, unknown]>): AgentRoleExport[] {
  const roles: AgentRoleExport[] = []
  const byRole = new Map<string, string>()
  for (const [exportName, value] of exported) {
    const kind = agentKindOf(value)
    if (!kind) {
      throw new AgentsModuleError(label, exportName, 'is not an agent class: the module may export only classes that extend BaseAgent or FlatAgent (from \'switchyard\')')
    }
    if (Object.prototype.hasOwnProperty.call(value, AGENT_KIND)) {
      throw new AgentsModuleError(label, exportName, `is the SDK's ${kind === 'flat' ? 'FlatAgent' : 'BaseAgent'} itself, not an agent: export only your subclasses`)
    }
    const cls = value as AgentClass
    const role = roleOfClass(label, exportName, cls, kind)
    const clash = byRole.get(role)
    if (clash !== undefined) {
      throw new AgentsModuleError(label, exportName, `has role "${role}", like export "${clash}": one role, one class (rename one of them)`)
    }
    byRole.set(role, exportName)
    roles.push({ role, exportName, kind, create: () => new cls() })
  }
  if (roles.length === 0) throw new AgentsModuleError(label, null, 'exports no agent class (a class that extends BaseAgent or FlatAgent)')
  return roles
}

/** Creates one instance (not started) to learn its role and check it is complete. */
function roleOfClass(label: string, exportName: string, cls: AgentClass, kind: AgentKind): string {
  let agent: StreamAgent
  try {
    agent = withoutAdoption(() => new cls())
  } catch (error) {
    throw new AgentsModuleError(label, exportName, `cannot be created with no arguments: ${error instanceof Error ? error.message : String(error)}`)
  }
  const missing = kind === 'envelope' ? ['process'] : ['processFields']
  for (const method of missing) {
    if (typeof (agent as unknown as Record<string, unknown>)[method] !== 'function') {
      throw new AgentsModuleError(label, exportName, `has no ${method}() method`)
    }
  }
  if (!ROLE_NAME.test(agent.role)) {
    throw new AgentsModuleError(label, exportName, `has role "${agent.role}": a role is 1-128 letters, digits, "_", ".", ":" or "-"`)
  }
  return agent.role
}
