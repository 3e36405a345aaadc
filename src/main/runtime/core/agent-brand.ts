// A brand on the SDK's agent bases that holds across copies of the package.
/**
 * Marks the SDK's two agent bases on the class itself. A user's module may
 * import a different copy of 'switchyard' than the process running it (the
 * desktop app bundles its own runtime): a registered symbol is the same in
 * every copy, where `instanceof` would say no.
 */
export const AGENT_KIND = Symbol.for('switchyard.agentKind')
export type AgentKind = 'envelope' | 'flat'

/** 'envelope' for BaseAgent subclasses, 'flat' for FlatAgent ones, null for anything else. */
export function agentKindOf(value: unknown): AgentKind | null {
  if (typeof value !== 'function') return null
  const kind = (value as unknown as Record<symbol, unknown>)[AGENT_KIND]
  return kind === 'envelope' || kind === 'flat' ? kind : null
}

/** The kind of an agent instance, by its class. */
export function agentKindOfInstance(agent: object): AgentKind | null {
  return agentKindOf((agent as { constructor?: unknown }).constructor)
}
