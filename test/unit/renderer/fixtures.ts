import type { Envelope } from '@shared/envelope'
import type { StreamEntry, Trace, TraceHop } from '@shared/api'

/** A valid envelope with the seed's defaults; override what a test cares about. */
export function envelope(overrides: Partial<Envelope> = {}): Envelope {
  return {
    conversation_id: 'c1',
    message_id: 'm1',
    target_role: 'manager',
    target_agent_id: null,
    target_list: null,
    sender_role: 'external',
    sender_agent_id: '',
    kind: 'task',
    payload: { text: 'Hello, world!', stage: 'start' },
    update_ts: 1_700_000_000,
    result_list: '',
    trace: [],
    process_count: 0,
    total_processing_time: 0,
    create_ts: 1_700_000_000,
    ...overrides,
  }
}

export const entry = (id: string): StreamEntry => ({ id, fields: { n: id } })

/** Entries with ids `${ms}-0` for each ms given, in the order given. */
export const entries = (...ms: number[]): StreamEntry[] => ms.map((m) => entry(`${m}-0`))

/** A trace of `count` hops, each taking `duration` s, one after the other. */
export function trace(count: number, duration = 0.5, complete = true): Trace {
  const start = 1_700_000_000
  const hops: TraceHop[] = []
  for (let i = 0; i < count; i++) {
    const roles = ['manager', 'uppercase', 'manager', 'reverse']
    const role = roles[i % roles.length] ?? 'manager'
    const entries = Array.from({ length: i + 1 }, (_, k) => ({
      start_ts: start + k * duration,
      role: roles[k % roles.length] ?? 'manager',
      agent_id: `${role}-1`,
      end_ts: start + (k + 1) * duration,
      duration,
    }))
    hops.push({
      index: i,
      entryId: `${1_700_000_000_000 + i}-0`,
      ts: start + (i + 1) * duration,
      role,
      agentId: `${role}-1`,
      destination: 'stream:role:manager',
      envelope: envelope({ trace: entries, process_count: i + 1, total_processing_time: (i + 1) * duration, update_ts: start + (i + 1) * duration }),
      diff: [{ op: 'replace', path: '/process_count', before: i, after: i + 1 }],
    })
  }
  return { messageId: 'm1', conversationId: 'c1', hops, complete }
}
