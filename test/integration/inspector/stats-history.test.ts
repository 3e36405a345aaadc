import { describe, expect, it } from 'vitest'
import { journalHistory } from '../../../src/main/inspector/stats/journal-history'
import { StatsSampler } from '../../../src/main/inspector/stats/stats-sampler'
import { JOURNAL_STREAM } from '@shared/keys'
import { journalFields } from '@shared/records'
import { useTestRedis } from '../../support/redis'

const { client } = useTestRedis()

/** A journal hop the way any worker writes it, at a chosen ms. */
async function hop(ms: number, role: string, duration = 0.01, error: string | null = null): Promise<void> {
  const envelope = { conversation_id: 'c', message_id: `m-${ms}`, trace: [{ start_ts: ms / 1000, end_ts: ms / 1000 + duration, duration, role, agent_id: `${role}-remote`, error }] }
  await client.xadd(JOURNAL_STREAM, `${ms}-0`, journalFields.messageId, `m-${ms}`, journalFields.role, role, journalFields.envelope, JSON.stringify(envelope))
}

describe('statistics from the shared journal, before this process sampled', () => {
  it('rebuilds throughput, latency and errors of every worker from the journal', async () => {
    const now = Date.now()
    const base = now - 60_000
    for (let i = 0; i < 10; i++) await hop(base + i * 100, 'remote-role', 0.02)
    await hop(base + 2000, 'other', 0.5, 'TypeError')
    const points = await journalHistory(client, now - 120_000, now)
    const total = points.reduce((sum, p) => sum + (p.throughputByRole['remote-role'] ?? 0), 0)
    const bucketSec = (points[1]?.ts ?? 0) - (points[0]?.ts ?? 0) // ts is in seconds
    expect(Math.round(total * bucketSec)).toBe(10)
    expect(points.reduce((sum, p) => sum + p.errors, 0)).toBe(1)
    const withLatency = points.find((p) => p.latencyByRole['remote-role'] !== undefined)
    expect(withLatency?.latencyByRole['remote-role']).toBeCloseTo(0.02)
    // Idle buckets after the hops are real zeros, not missing points.
    expect(points.at(-1)?.throughputByRole).toEqual({})
  })

  it("a fresh sampler's series for 5 minutes includes hops written before it started", async () => {
    const sampler = new StatsSampler(client, () => undefined, () => undefined, 2000, () => undefined)
    const series = await sampler.series(300)
    expect(series.some((p) => (p.throughputByRole['remote-role'] ?? 0) > 0)).toBe(true)
  })
})
