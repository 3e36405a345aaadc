import type { Redis } from 'ioredis'
import type { RedisClient } from '../redis/client-type'
import { readConversationMessages as readConversationOn, readJournal as readJournalOn } from '../runtime'

/**
 * The runtime functions the inspector reuses, in one place so the inspector
 * never reimplements the registry, the journal or sending.
 */
export { readAgentRegistry } from '../runtime'
export { sendEnvelope, decodeEnvelope as decodeResult, type SendTarget } from '../runtime'
export { consumerAgents } from '../runtime/control/consumer-agents'

// The journal readers are typed for one server, but each of their commands (and
// their one pipeline) names a single key, so a Cluster routes them as they are.
export const readJournal = (redis: RedisClient, messageId: string): ReturnType<typeof readJournalOn> =>
  readJournalOn(redis as Redis, messageId)
export const readConversationMessages = (redis: RedisClient, conversationId: string): ReturnType<typeof readConversationOn> =>
  readConversationOn(redis as Redis, conversationId)
