import { z } from 'zod'
import { envelopeKinds, payloadSchema } from '../envelope'

/**
 * Every ControlApi request: its name and the schema of its arguments. Both
 * hosts (IPC and WebSocket) parse arguments with these on arrival; the
 * renderer uses the same schemas to validate forms before it sends.
 */

const name = (what: string) =>
  z
    .string()
    .min(1, `${what} must not be empty`)
    .max(512, `${what} is longer than 512 characters`)
const streamKey = name('stream')
const groupName = name('group')
const consumerName = name('consumer')
/** A stream entry id: ms-seq, or ms alone. */
export const entryIdSchema = z.string().regex(/^\d+(-\d+)?$/, 'expected a stream id like 1700000000000-0')
const entryIds = z.array(entryIdSchema).min(1, 'choose at least one entry').max(10_000)
const idleMs = z.number().int().nonnegative().max(365 * 24 * 3600 * 1000)

export const connectionParamsSchema = z.object({
  url: z
    .string()
    .regex(/^rediss?(\+cluster)?:\/\/[^\s]+$/, 'URL must start with redis://, rediss:// or redis+cluster://'),
  username: z.string().max(256).optional(),
  password: z.string().max(4096).optional(),
  tls: z.boolean().default(false),
  /** Path of the PEM CA file that signed the server's certificate (read by main, never sent on). */
  tlsCaFile: z.string().min(1).max(4096).optional(),
  /** Paths of the PEM client certificate and its key (mutual TLS); both or neither. */
  tlsCertFile: z.string().min(1).max(4096).optional(),
  tlsKeyFile: z.string().min(1).max(4096).optional(),
  /** The name the server certificate must carry; default the URL's host. */
  tlsServername: z.string().min(1).max(256).optional(),
  /** false accepts any server certificate (tests only); default true. */
  tlsRejectUnauthorized: z.boolean().optional(),
})
export type ConnectionParams = z.infer<typeof connectionParamsSchema>

/** Roles the runtime can start: seed 001's demo and seed 000's review pipeline. */
export const runtimeRoles = [
  'manager',
  'uppercase',
  'reverse',
  'stats',
  'coordinator',
  'grammar',
  'clarity',
  'tone',
  'structure',
  'aggregator',
] as const
export type RuntimeRole = (typeof runtimeRoles)[number]
/** A role to start or scale: a built-in RuntimeRole or one of the user's agents module (the runtime says which exist). */
export const roleNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'a role is 1-128 letters, digits, "_", ".", ":" or "-"')
export const broadcastCommands = ['stop', 'start', 'pause', 'resume', 'reload'] as const

export const composedEnvelopeSchema = z.object({
  conversation_id: z.string().min(1).optional(),
  message_id: z.string().min(1).optional(),
  kind: z.enum(envelopeKinds).default('task'),
  sender_role: z.string().min(1).default('external'),
  payload: payloadSchema,
  result_list: z.string().optional(),
})

export const requestSchemas = {
  // Connection
  'connection.status': z.object({}),
  'connection.test': connectionParamsSchema,
  'connection.connect': connectionParamsSchema.extend({
    name: z.string().max(128).optional(),
    save: z.boolean().default(false),
    production: z.boolean().default(false),
  }),
  'connection.useEmbedded': z.object({}),
  'connection.saved': z.object({}),
  'connection.forget': z.object({ id: z.string().min(1) }),
  /** A Cluster's nodes: address, master/replica, slots, reachable. */
  'connection.nodes': z.object({}),

  // Agents of this process's runtime, and broadcast control of all agents
  'agents.roles': z.object({}),
  'agents.list': z.object({}),
  'agents.start': z.object({ role: roleNameSchema, instances: z.number().int().min(1).max(32).default(1) }),
  'agents.stop': z
    .object({ agentId: z.string().min(1).optional(), role: z.string().min(1).optional(), drain: z.boolean().default(true) })
    .refine((a) => Boolean(a.agentId) !== Boolean(a.role), { message: 'give exactly one of agentId or role' }),
  'agents.scale': z.object({ role: roleNameSchema, instances: z.number().int().min(0).max(32) }),
  'agents.broadcast': z.object({ command: z.enum(broadcastCommands), role: z.string().min(1).optional() }),
  // The user's agents module: which file (remembered in the data folder), and seed 001's reload of it
  'agents.module': z.object({}),
  'agents.setModule': z.object({
    /** A path on the app's machine (relative to where the app started), or '' for none. */
    path: z.string().trim().max(4096, 'path is longer than 4096 characters'),
  }),
  'agents.reload': z.object({ role: roleNameSchema.optional() }),

  // Topology and browsing
  'topology.snapshot': z.object({}),
  'streams.page': z.object({
    stream: streamKey,
    order: z.enum(['desc', 'asc']).default('desc'),
    count: z.number().int().min(1).max(1000).default(100),
    /** Exclusive cursor: the page continues after this id, in `order`. */
    after: entryIdSchema.optional(),
    /** Jump: start at this id, or at this time (ms since epoch), inclusive. */
    at: z.union([entryIdSchema, z.number().int().nonnegative()]).optional(),
  }),
  'streams.tail.start': z.object({ stream: streamKey, fromId: z.union([entryIdSchema, z.literal('$')]).default('$') }),
  'streams.tail.stop': z.object({ tailId: z.string().min(1) }),
  'streams.add': z.object({
    stream: streamKey,
    fields: z
      .record(z.string().min(1, 'field names must not be empty'), z.string())
      .refine((f) => Object.keys(f).length > 0, { message: 'give at least one field' }),
    copies: z.number().int().min(1).max(10_000).default(1),
  }),
  'streams.trim': z.object({
    stream: streamKey,
    strategy: z.enum(['MAXLEN', 'MINID']),
    threshold: z.union([z.number().int().nonnegative(), entryIdSchema]),
    approximate: z.boolean().default(false),
  }),

  // Groups and consumers
  'groups.create': z.object({
    stream: streamKey,
    group: groupName,
    startId: z.union([entryIdSchema, z.literal('$'), z.literal('0')]).default('$'),
    mkstream: z.boolean().default(false),
  }),
  'groups.delete': z.object({ stream: streamKey, group: groupName }),
  'groups.setId': z.object({
    stream: streamKey,
    group: groupName,
    id: z.union([entryIdSchema, z.literal('$')]),
    entriesRead: z.number().int().nonnegative().optional(),
  }),
  'consumers.delete': z.object({ stream: streamKey, group: groupName, consumer: consumerName }),

  // Pending entries and operator actions
  'pending.list': z.object({
    stream: streamKey,
    group: groupName,
    consumer: consumerName.optional(),
    minIdleMs: idleMs.default(0),
    /** Exclusive: continue after this id. */
    after: entryIdSchema.optional(),
    count: z.number().int().min(1).max(1000).default(100),
  }),
  'pending.claim': z.object({
    stream: streamKey,
    group: groupName,
    consumer: consumerName,
    ids: entryIds,
    minIdleMs: idleMs.default(0),
  }),
  'pending.claimIdle.preview': z.object({ stream: streamKey, group: groupName, minIdleMs: idleMs }),
  'pending.claimIdle': z.object({
    stream: streamKey,
    group: groupName,
    consumer: consumerName,
    minIdleMs: idleMs,
    max: z.number().int().min(1).max(100_000).default(10_000),
  }),
  'pending.ack': z.object({ stream: streamKey, group: groupName, ids: entryIds }),
  'pending.deadLetter': z.object({
    stream: streamKey,
    group: groupName,
    ids: entryIds,
    reason: z.string().min(1, 'say why').max(1000),
  }),
  'deadLetters.list': z.object({
    sourceStream: streamKey.optional(),
    count: z.number().int().min(1).max(1000).default(100),
  }),
  'deadLetters.replay': z.object({ deadLetterStream: streamKey, ids: entryIds }),
  'results.recent': z.object({ count: z.number().int().min(1).max(100).default(10) }),
  'audit.list': z.object({ count: z.number().int().min(1).max(1000).default(100) }),

  // Injection
  'inject.templates': z.object({}),
  'inject.envelope': z.object({
    target: z.object({ kind: z.enum(['role', 'agent']), name: z.string().min(1) }),
    envelope: composedEnvelopeSchema,
    copies: z.number().int().min(1).max(10_000).default(1),
    /** Wait this long for each result list; 0 returns at once. */
    waitMs: z.number().int().min(0).max(120_000).default(0),
  }),

  // Traces, violations, statistics
  'traces.find': z
    .object({ messageId: z.string().min(1).optional(), conversationId: z.string().min(1).optional() })
    .refine((a) => Boolean(a.messageId) !== Boolean(a.conversationId), {
      message: 'give exactly one of messageId or conversationId',
    }),
  'traces.watch': z.object({ messageId: z.string().min(1) }),
  'traces.unwatch': z.object({ messageId: z.string().min(1) }),
  'violations.list': z.object({
    count: z.number().int().min(1).max(1000).default(200),
    before: entryIdSchema.optional(),
  }),
  'stats.series': z.object({ windowSec: z.number().int().min(10).max(24 * 3600).default(300) }),
} as const

export type Method = keyof typeof requestSchemas
export const methods = Object.keys(requestSchemas) as Method[]
/** Arguments as the caller writes them (defaults may be left out). */
export type RequestInput<M extends Method> = z.input<(typeof requestSchemas)[M]>
/** Arguments as a handler receives them (defaults applied). */
export type RequestArgs<M extends Method> = z.output<(typeof requestSchemas)[M]>

export const isMethod = (value: string): value is Method => Object.hasOwn(requestSchemas, value)
