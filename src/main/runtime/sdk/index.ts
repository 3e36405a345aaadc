// The SDK: everything `import … from 'switchyard'` gives a user.
/**
 * The SDK: `import { BaseAgent, AgentRuntime, request } from 'switchyard'`.
 * A subclass writes only process(env); its role is its class name without
 * "Agent", in snake_case; one created while a runtime runs starts there.
 * Everything here is a stable public name: add, do not rename.
 */
export { BaseAgent, DEFAULT_TASK_TIMEOUT_SEC } from '../core/base-agent'
export type { ProcessContext } from '../core/async-utils'
export { FlatAgent, type FlatOutput } from '../core/flat-agent'
export type { ReceivedEntry } from '../reader/stream-entry'
export { AgentRuntime, DEFAULT_REQUEST_TIMEOUT_MS, type RuntimeHealth } from '../core/agent-runtime'
export { RUNTIME_DEFAULTS, DEFAULT_SAFETY, runtimeOptionsFromEnv, type RuntimeOptions, type SafetyLimits } from '../core/options'
export { roleFromClassName } from '../core/role-name'
export { request, type RequestOptions } from './request'
export { sendEnvelope, awaitResult, completeEnvelope, decodeEnvelope, newMessageId, type SendTarget, type SendableEnvelope } from '../core/send'
export {
  envelopeSchema,
  traceEntrySchema,
  payloadSchema,
  envelopeKinds,
  resultListOf,
  ENVELOPE_FIELD,
  type Envelope,
  type EnvelopeInput,
  type TraceEntry,
  type Payload,
  type PayloadError,
} from '@shared/envelope'
export {
  roleStream,
  roleGroup,
  agentStream,
  agentGroup,
  resultList,
  BROADCAST_ALL,
  BROADCAST_STAT,
  broadcastRole,
  JOURNAL_STREAM,
  VIOLATIONS_STREAM,
  AGENT_REGISTRY,
  deadLetterStream,
} from '@shared/keys'
export type { LifecycleEvent } from '../control/lifecycle'
export type { RedisConnectionConfig } from '../../redis/connection-config'
