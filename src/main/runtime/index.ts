// The runtime's public face inside Switchyard (app, inspector, CLI).
/**
 * The agent runtime's face inside Switchyard (the app frame, the inspector,
 * the CLI): the SDK's public names, and what only the app needs besides.
 */
export * from './sdk'
export { createRuntimeHandlers, listAgents } from './control/handlers'
export { readAgentRegistry } from './control/registry'
export { readJournal, readConversationMessages } from './hop/journal'
export { resolveRuntimeOptions, type ResolvedRuntimeOptions } from './core/options'
export { StreamAgent } from './core/stream-agent'
export { checkSafetyLimits } from './hop/safety'
export { roleDescriptions, pipelineRoles, createAgentForRole, isRuntimeRole } from './agents/role-catalog'
export { produceDocument, splitIntoChunks } from './agents/doc-producer'
export { UserRoles, type ReloadOutcome } from './user-agents/user-roles'
export { loadAgentsModule, type LoadedAgentsModule } from './user-agents/load-agents-module'
export { AgentsModuleError } from './user-agents/agents-module-error'
