/**
 * Every Redis key and channel Switchyard reads or writes. The seeds' names are
 * the protocol (agents in other languages join through them): keep them exact.
 */

// Seed 001: the agent architecture.
export const roleStream = (role: string): string => `stream:role:${role}`
export const roleGroup = (role: string): string => `cg:role:${role}`
export const agentStream = (agentId: string): string => `stream:agent:${agentId}`
export const agentGroup = (agentId: string): string => `cg:agent:${agentId}`
export const resultList = (messageId: string): string => `result:${messageId}`
export const BROADCAST_ALL = 'broadcast:all'
export const broadcastRole = (role: string): string => `broadcast:role:${role}`
/** Lifecycle events (init, heartbeat, reload, exit). */
export const BROADCAST_STAT = 'broadcast:role:stat'

// Seed 000: the document-review pipeline, flat fields.
export const reviewTypes = ['grammar', 'clarity', 'tone', 'structure'] as const
export type ReviewType = (typeof reviewTypes)[number]
export const DOC_TASKS = 'doc.review.tasks'
export const docReviewStream = (type: ReviewType): string => `doc.review.${type}`
export const docSuggestionsStream = (type: ReviewType): string => `doc.suggestions.${type}`
export const DOC_SUMMARY = 'doc.review.summary'
export const COORDINATOR_GROUP = 'coordinator-group'
export const specialistGroup = (type: ReviewType): string => `${type}-group`
export const AGGREGATOR_GROUP = 'aggregator-group'

// Ours. Capped streams under one prefix so the inspector can tell them apart.
/** Every hop's resulting envelope, for trace step-through. */
export const JOURNAL_STREAM = 'switchyard:journal'
/** Safety-limit violations. */
export const VIOLATIONS_STREAM = 'switchyard:violations'
/**
 * Dead letters of one source stream that can be replayed: work that failed or
 * ran out of deliveries. Original fields (bytes as read) + dlq_ metadata.
 */
export const deadLetterStream = (sourceStream: string): string => `switchyard:dlq:${sourceStream}`
export const DEAD_LETTER_PREFIX = 'switchyard:dlq:'
/** Entries of one source stream that could not be decoded (bad UTF-8, bad JSON, too deep): kept apart, so a garbage burst never pushes out replayable work. */
export const undecodableStream = (sourceStream: string): string => `switchyard:undecodable:${sourceStream}`
export const UNDECODABLE_PREFIX = 'switchyard:undecodable:'
/** Both kinds of dead-letter stream, for listings. */
export const DEAD_LETTER_PREFIXES = [DEAD_LETTER_PREFIX, UNDECODABLE_PREFIX] as const
/** Cap of each failed-work dead-letter stream, in entries (the runtime and the inspector's move share it). */
export const DEAD_LETTER_MAXLEN = 100_000
/** Cap of each failed-work dead-letter stream, in bytes (MEMORY USAGE, checked on every dead letter). */
export const DEAD_LETTER_MAX_BYTES = 256 * 1024 * 1024
/** Cap of each undecodable-input stream, in entries. */
export const UNDECODABLE_MAXLEN = 10_000
/** Cap of each undecodable-input stream, in bytes. */
export const UNDECODABLE_MAX_BYTES = 64 * 1024 * 1024
/** Operator writes made through the inspector. */
export const AUDIT_STREAM = 'switchyard:audit'
/** Agent registry: hash agent_id -> JSON of the last heartbeat, for agents on any host. */
export const AGENT_REGISTRY = 'switchyard:agents'
/** One sweeper at a time per stream/group claims stalled entries (SET NX PX). */
export const sweeperLock = (stream: string, group: string): string =>
  `switchyard:lock:sweep:${stream}:${group}`

export const isInternalKey = (key: string): boolean => key.startsWith('switchyard:')

/** Journal ids of one message's hops, in order (a list with a TTL). */
export const journalIndexOfMessage = (messageId: string): string => `switchyard:journal:msg:${messageId}`
/** Message ids of one conversation (a ZSET scored by first-hop time, capped, with a TTL). */
export const journalIndexOfConversation = (conversationId: string): string =>
  `switchyard:journal:conv:${conversationId}`
