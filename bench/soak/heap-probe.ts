import { createWriteStream } from 'node:fs'
import WebSocket from 'ws'

/** What a Node process holds right after a full garbage collection, in MiB. */
export interface HeapReading {
  /** Live JavaScript objects: what a leak makes grow. */
  heapUsed: number
  /** Buffers and other memory outside the V8 heap that JS objects keep alive. */
  external: number
  /** What V8 has committed for its heap: above heapUsed, room it keeps. */
  heapTotal: number
  rss: number
}

const MiB = 1024 * 1024
const round = (bytes: number) => Math.round((bytes / MiB) * 10) / 10

/** The inspector's address from a process's stderr (`node --inspect=127.0.0.1:0` prints it). */
export function inspectorUrl(output: string): string | null {
  return /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1] ?? null
}

/**
 * One short Chrome DevTools Protocol session to a process started with
 * --inspect: nothing is enabled, so the process runs as before in between.
 */
async function withSession<T>(url: string, work: (call: (method: string, params?: object) => Promise<unknown>, socket: WebSocket) => Promise<T>): Promise<T> {
  const socket = new WebSocket(url)
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)))
  let nextId = 1
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } }
    const waiter = message.id === undefined ? undefined : waiting.get(message.id)
    if (!waiter || message.id === undefined) return
    waiting.delete(message.id)
    if (message.error) waiter.reject(new Error(message.error.message))
    else waiter.resolve(message.result)
  })
  const call = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++
      waiting.set(id, { resolve, reject })
      socket.send(JSON.stringify({ id, method, params }))
    })
  try {
    return await work(call, socket)
  } finally {
    socket.close()
  }
}

async function memoryUsage(call: (method: string, params?: object) => Promise<unknown>): Promise<NodeJS.MemoryUsage> {
  const answer = (await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true })) as {
    result: { value: string }
  }
  return JSON.parse(answer.result.value) as NodeJS.MemoryUsage
}

/** process.memoryUsage() as it is, no GC forced: how much heap V8 has sized against the RSS. */
export function memoryNow(url: string): Promise<{ rss: number; heapTotal: number; heapUsed: number }> {
  return withSession(url, async (call) => {
    const usage = await memoryUsage(call)
    return { rss: round(usage.rss), heapTotal: round(usage.heapTotal), heapUsed: round(usage.heapUsed) }
  })
}

/** Forces a full GC in the process, then reads its process.memoryUsage(). */
export function heapAfterGc(url: string): Promise<HeapReading> {
  return withSession(url, async (call) => {
    await call('HeapProfiler.collectGarbage')
    await call('HeapProfiler.collectGarbage') // a second pass frees what the first one's finalizers released
    const usage = await memoryUsage(call)
    return { heapUsed: round(usage.heapUsed), external: round(usage.external), heapTotal: round(usage.heapTotal), rss: round(usage.rss) }
  })
}

/** Writes a heap snapshot of the process to `file` (open it in Chrome DevTools' Memory tab). */
export function heapSnapshot(url: string, file: string): Promise<void> {
  return withSession(url, async (call, socket) => {
    const out = createWriteStream(file)
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { method?: string; params?: { chunk: string } }
      if (message.method === 'HeapProfiler.addHeapSnapshotChunk' && message.params) out.write(message.params.chunk)
    })
    await call('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
  })
}
