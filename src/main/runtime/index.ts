/** The agent runtime's public face: what the app frame, the inspector and the CLI use. */
export { AgentRuntime, DEFAULT_REQUEST_TIMEOUT_MS, type RuntimeHealth } from './agent-runtime'
export { createRuntimeHandlers, listAgents } from './handlers'
export { readAgentRegistry } from './registry'
export { readJournal, readConversationMessages } from './journal'
export { sendEnvelope, awaitResult, completeEnvelope, decodeEnvelope, type SendTarget, type SendableEnvelope } from './send'
export {
  runtimeOptionsFromEnv,
  resolveRuntimeOptions,
  DEFAULT_SAFETY,
  RUNTIME_DEFAULTS,
  type RuntimeOptions,
  type SafetyLimits,
} from './options'
export { BaseAgent } from './base-agent'
export { FlatAgent, type FlatOutput } from './flat-agent'
export { StreamAgent } from './stream-agent'
export { roleFromClassName } from './role-name'
export { checkSafetyLimits } from './safety'
export { roleDescriptions, pipelineRoles, createAgentForRole, isRuntimeRole } from './role-catalog'
export { produceDocument, splitIntoChunks } from './agents/doc-producer'
export type { LifecycleEvent } from './lifecycle'
