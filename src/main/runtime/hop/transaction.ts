// A batch's writes as one MULTI … EXEC, and the Lua scripts it runs.
import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'

export type RedisArg = string | number

/** A Lua script run by EVALSHA, loaded on first NOSCRIPT. */
export interface LuaScript {
  readonly lua: string
  readonly sha: string
  /** The same script for many calls at once (lua/batch.lua.ts): consecutive calls in a transaction go as one. */
  readonly batch?: LuaScript
}

export function luaScript(lua: string, batchLua?: string): LuaScript {
  const sha = createHash('sha1').update(lua).digest('hex')
  return batchLua === undefined ? { lua, sha } : { lua, sha, batch: luaScript(batchLua) }
}

interface QueuedCommand {
  name: string
  args: RedisArg[]
  script?: LuaScript
  keys?: string[]
  scriptArgs?: RedisArg[]
}

/** Where writes are queued: a transaction of ours, or (for the sweeper's rare writes) an ioredis MULTI. */
export interface CommandSink {
  call(command: string, args: RedisArg[]): unknown
}

/**
 * The writes of one batch, sent as MULTI … EXEC (ahead of the agent's next
 * read, or on the shared command connection). Plain commands written in one
 * go instead of an ioredis Pipeline: a Pipeline object per batch costs
 * kilobytes that outlive young GCs and lengthen every scavenge (measured in
 * bench/runtime/README.md).
 */
export class Transaction implements CommandSink {
  readonly commands: QueuedCommand[] = []

  get size(): number {
    return this.commands.length
  }

  call(name: string, args: RedisArg[]): void {
    this.commands.push({ name, args })
  }

  xack(stream: string, group: string, id: string): void {
    this.commands.push({ name: 'XACK', args: [stream, group, id] })
  }

  script(script: LuaScript, keys: string[], args: RedisArg[]): void {
    this.commands.push({ name: 'EVALSHA', args: [], script, keys, scriptArgs: args })
  }
}

/** Each queued command's outcome, in order: null when it ran, the error Redis gave when not. */
export type TransactionOutcome = Array<Error | null>

const ignore = (): undefined => undefined

/**
 * Writes MULTI, the commands and EXEC on `client` now: nothing else can come
 * between them on the connection because they are issued synchronously (a
 * caller may queue a read behind them, in the same socket write). A script
 * Redis does not know yet (first use, SCRIPT FLUSH, a restarted server) is
 * loaded and the commands that failed on it are sent once more, on
 * `fallback` (a connection not blocked in a read). Rejects when EXEC fails as
 * a whole (connection lost, EXECABORT): then nothing of it ran.
 */
export function sendTransaction(client: Redis, tx: Transaction, fallback: Redis = client): Promise<TransactionOutcome> {
  const sent = writeCommands(client, tx.commands)
  return sent.then(async (outcome) => {
    const missing = tx.commands.filter((command, index) => command.script && isNoScript(outcome[index]))
    if (missing.length === 0) return outcome
    const scripts = new Set(missing.flatMap(({ script }) => (script?.batch ? [script, script.batch] : script ? [script] : [])))
    for (const script of scripts) await fallback.call('SCRIPT', ['LOAD', script.lua])
    const retried = await corked(fallback, () => writeCommands(fallback, missing))
    let next = 0
    return outcome.map((error, index) => {
      const command = tx.commands[index]
      return command?.script && isNoScript(error) ? (retried[next++] ?? null) : error
    })
  })
}

/** sendTransaction in one socket write of its own. */
export function execTransaction(redis: Redis, tx: Transaction): Promise<TransactionOutcome> {
  return corked(redis, () => sendTransaction(redis, tx))
}

/** Runs `write` with the connection's socket corked: everything it issues leaves in one write. */
export function corked<T>(client: Redis, write: () => T): T {
  const socket = client.stream as { cork?: () => void; uncork?: () => void } | undefined
  socket?.cork?.()
  try {
    return write()
  } finally {
    socket?.uncork?.()
  }
}

function writeCommands(client: Redis, commands: QueuedCommand[]): Promise<TransactionOutcome> {
  if (commands.length === 0) return Promise.resolve([])
  // A Cluster takes a script's keys only from one slot: there each call goes alone.
  const wire = toWire(commands, !(client as { isCluster?: boolean }).isCluster)
  // The QUEUED replies carry nothing: a command Redis refuses to queue makes EXEC fail with EXECABORT.
  client.call('MULTI').catch(ignore)
  for (const command of wire) client.call(command.name, command.args).catch(ignore)
  return client.call('EXEC').then((replies) => {
    if (!Array.isArray(replies)) throw new Error('EXEC returned no replies (the transaction was discarded)')
    const outcome: TransactionOutcome = []
    wire.forEach((command, index) => {
      const reply: unknown = replies[index]
      for (let k = 0; k < command.calls; k++) {
        const own: unknown = command.calls > 1 && Array.isArray(reply) ? reply[k] : reply
        outcome.push(own instanceof Error ? own : null)
      }
    })
    return outcome
  })
}

interface WireCommand {
  name: string
  args: RedisArg[]
  /** Queued commands it carries: more than one for a batch of script calls. */
  calls: number
}

/** The commands as sent: runs of calls of one batchable script (same key and argument counts) become one call of its batch. */
function toWire(commands: QueuedCommand[], merge: boolean): WireCommand[] {
  const wire: WireCommand[] = []
  for (let i = 0; i < commands.length; ) {
    const command = commands[i] as QueuedCommand
    const { script, keys, scriptArgs } = command
    if (!script || !keys || !scriptArgs) {
      wire.push({ name: command.name, args: command.args, calls: 1 })
      i++
      continue
    }
    let end = i + 1
    while (merge && script.batch && end < commands.length && sameShape(commands[end] as QueuedCommand, command)) end++
    if (end - i === 1 || !script.batch) {
      wire.push({ name: 'EVALSHA', args: [script.sha, keys.length, ...keys, ...scriptArgs], calls: 1 })
    } else {
      const allKeys: RedisArg[] = []
      const allArgs: RedisArg[] = [keys.length, scriptArgs.length]
      for (let k = i; k < end; k++) {
        const call = commands[k] as QueuedCommand
        for (const key of call.keys ?? []) allKeys.push(key)
        for (const arg of call.scriptArgs ?? []) allArgs.push(arg)
      }
      wire.push({ name: 'EVALSHA', args: [script.batch.sha, allKeys.length, ...allKeys, ...allArgs], calls: end - i })
    }
    i = end
  }
  return wire
}

function sameShape(a: QueuedCommand, b: QueuedCommand): boolean {
  return a.script === b.script && a.keys?.length === b.keys?.length && a.scriptArgs?.length === b.scriptArgs?.length
}

function isNoScript(error: Error | null | undefined): boolean {
  return error?.message.startsWith('NOSCRIPT') ?? false
}

/** One script on its own: EVALSHA, loaded (EVAL) on NOSCRIPT. */
export async function runScript(redis: Redis, script: LuaScript, keys: string[], args: RedisArg[]): Promise<unknown> {
  try {
    return await redis.evalsha(script.sha, keys.length, ...keys, ...args)
  } catch (error) {
    if (!isNoScript(error instanceof Error ? error : null)) throw error
    return redis.eval(script.lua, keys.length, ...keys, ...args)
  }
}
