import { Redis } from 'ioredis'
import { ENVELOPE_FIELD } from '@shared/envelope'
import { roleStream } from '@shared/keys'
import { completeEnvelope } from '../../src/main/runtime/core/send'
import { percentile } from './stats'

export const HOPS_PER_REQUEST = 5
/** Envelopes per XADD pipeline while flooding. */
const SEND_CHUNK = 1_000
const RESULT_LIST = 'bench:results'

function envelopeJson(i: number, sentMs: number, role = 'manager'): string {
  const env = completeEnvelope({ kind: 'role', name: role }, {
    conversation_id: `bench_${i}`,
    message_id: `bench_${i}_${sentMs}`,
    sender_role: 'external',
    result_list: RESULT_LIST,
    payload: { text: `Hello, world! #${i}`, stage: 'start', sent_ms: sentMs },
  })
  return JSON.stringify(env)
}

/** Floods the entry role (the manager) with `requests` envelopes and waits for every result; answers seconds taken. */
export async function flatOut(url: string, requests: number, timeoutMs: number, entryRole = 'manager'): Promise<number> {
  const r = new Redis(url)
  await r.del(RESULT_LIST)
  const started = performance.now()
  for (let from = 0; from < requests; from += SEND_CHUNK) {
    const pipeline = r.pipeline()
    for (let i = from; i < Math.min(requests, from + SEND_CHUNK); i++) {
      pipeline.xadd(roleStream(entryRole), '*', ENVELOPE_FIELD, envelopeJson(i, performance.now(), entryRole))
    }
    await pipeline.exec()
  }
  while ((await r.llen(RESULT_LIST)) < requests) {
    if (performance.now() - started > timeoutMs) {
      const got = await r.llen(RESULT_LIST)
      r.disconnect()
      throw new Error(`flat out: only ${got} of ${requests} results within ${timeoutMs} ms`)
    }
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  const seconds = (performance.now() - started) / 1000
  r.disconnect()
  return seconds
}

/** Sends `rate` requests per second for `seconds`, one XADD each on schedule; answers end-to-end latencies (ms). */
export async function fixedRate(url: string, rate: number, seconds: number): Promise<{ latencies: number[]; lost: number }> {
  const sender = new Redis(url)
  const receiver = new Redis(url, { maxRetriesPerRequest: null })
  await sender.del(RESULT_LIST)
  const total = Math.round(rate * seconds)
  const latencies: number[] = []
  let receiving = true
  const receive = (async () => {
    while (receiving || latencies.length < total) {
      const reply = (await receiver.call('BLMPOP', ['0.2', '1', RESULT_LIST, 'RIGHT', 'COUNT', '100'])) as [string, string[]] | null
      if (!reply) {
        if (!receiving) break
        continue
      }
      const now = performance.now()
      for (const item of reply[1]) {
        const match = /"sent_ms":([\d.]+)/.exec(item)
        if (match) latencies.push(now - Number(match[1]))
      }
    }
  })()
  // Each request leaves at its own time; between them the process sleeps (no 1 ms polling timer to
  // compete with the system under test). A late timer sends what is due at once.
  const start = performance.now()
  let sent = 0
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1)
    while (sent < due) {
      void sender.xadd(roleStream('manager'), '*', ENVELOPE_FIELD, envelopeJson(sent, performance.now()))
      sent += 1
    }
    const nextAtMs = start + (sent * 1000) / rate
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextAtMs - performance.now())))
  }
  const drainUntil = performance.now() + 5_000
  while (latencies.length < total && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 10))
  receiving = false
  await receive
  sender.disconnect()
  receiver.disconnect()
  return { latencies: latencies.sort((a, b) => a - b), lost: total - latencies.length }
}

export function latencySummary(sorted: number[]): { p50: number; p99: number } {
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) }
}
