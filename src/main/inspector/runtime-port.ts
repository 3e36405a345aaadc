/**
 * The runtime functions the inspector reuses, in one place so the inspector
 * never reimplements the registry, the journal or sending.
 */
export { readAgentRegistry } from '../runtime'
export { readJournal, readConversationMessages } from '../runtime'
export { sendEnvelope, decodeEnvelope as decodeResult, type SendTarget } from '../runtime'
export { consumerAgents } from '../runtime/control/consumer-agents'
