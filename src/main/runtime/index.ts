/** The agent runtime's public face: what the app frame, the inspector and the CLI use. */
export { AgentRuntime, DEFAULT_REQUEST_TIMEOUT_MS, type RuntimeHealth } from './core/agent-runtime'
export { createRuntimeHandlers, listAgents } from './control/handlers'
export { readAgentRegistry } from './control/registry'
export { readJournal, readConversationMessages } from './hop/journal'
export { sendEnvelope, awaitResult, completeEnvelope, decodeEnvelope, type SendTarget, type SendableEnvelope } from './core/send'
export {
  runtimeOptionsFromEnv,
  resolveRuntimeOptions,
  DEFAULT_SAFETY,
  RUNTIME_DEFAULTS,
  type RuntimeOptions,
  type SafetyLimits,
} from './core/options'
export { BaseAgent } from './core/base-agent'
export { FlatAgent, type FlatOutput } from './core/flat-agent'
export type { ProcessContext } from './core/async-utils'
export { StreamAgent } from './core/stream-agent'
export { roleFromClassName } from './core/role-name'
export { checkSafetyLimits } from './hop/safety'
export { roleDescriptions, pipelineRoles, createAgentForRole, isRuntimeRole } from './agents/role-catalog'
export { produceDocument, splitIntoChunks } from './agents/doc-producer'
export type { LifecycleEvent } from './control/lifecycle'
