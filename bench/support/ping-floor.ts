import type { Redis } from 'ioredis'
import { latencySummary } from '../runtime/load'

/** Round trips of a bare PING at a gentle pace: the latency floor other work on the machine leaves us. */
export async function pingFloor(redis: Redis): Promise<string> {
  const samples: number[] = []
  for (let i = 0; i < 1000; i++) {
    const start = performance.now()
    await redis.ping()
    samples.push(performance.now() - start)
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
  const { p50, p99 } = latencySummary(samples.sort((a, b) => a - b))
  return `one PING round trip p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms (a request makes 5 hops, each a wake-up and a write)`
}

/** CPU seconds redis-server has used so far (user + system, from INFO cpu). */
export async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu')
  const read = (name: string): number => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0)
  return read('used_cpu_user') + read('used_cpu_sys')
}
