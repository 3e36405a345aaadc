import type { Redis } from 'ioredis'

export const BIG_STREAM_ENTRIES = 1_000_000
const FILL_BATCH = 10_000
export const TOPOLOGY_STREAMS = 1_000
/** Other keys beside the streams, so SCAN walks a 10,000-key space. */
export const OTHER_KEYS = 9_000

/** One stream of BIG_STREAM_ENTRIES envelopes (pipelined XADD); answers ms taken. */
export async function fill(redis: Redis): Promise<number> {
  const started = performance.now()
  const envelope = JSON.stringify({ conversation_id: 'c', message_id: 'm', payload: { text: 'Hello, world!', stage: 'start' } })
  for (let done = 0; done < BIG_STREAM_ENTRIES; done += FILL_BATCH) {
    const pipe = redis.pipeline()
    for (let i = 0; i < FILL_BATCH; i++) pipe.xadd('bench:big', '*', 'envelope', envelope)
    await pipe.exec()
  }
  return performance.now() - started
}

export async function fillMany(redis: Redis): Promise<void> {
  const pipe = redis.pipeline()
  for (let i = 0; i < TOPOLOGY_STREAMS; i++) {
    const key = `bench:many:${i}`
    for (let j = 0; j < 5; j++) pipe.xadd(key, '*', 'n', String(j))
    pipe.xgroup('CREATE', key, 'workers', '0')
    pipe.xreadgroup('GROUP', 'workers', 'w1', 'COUNT', 2, 'STREAMS', key, '>')
  }
  for (let i = 0; i < OTHER_KEYS; i++) pipe.set(`bench:other:${i}`, 'x')
  await pipe.exec()
}

