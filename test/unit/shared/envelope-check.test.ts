import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { envelopeKinds, envelopeSchema } from '@shared/envelope'
import { checkEnvelopeFast } from '@shared/envelope-check'

const NOW = 1_700_000_000.5
const now = (): number => NOW

/** zod's verdict with the same clock: the envelope as JSON text (key order included), or null when it refuses. */
function zodVerdict(json: unknown): string | null {
  const realNow = Date.now
  Date.now = () => NOW * 1000
  try {
    const parsed = envelopeSchema.safeParse(json)
    return parsed.success ? JSON.stringify(parsed.data) : null
  } finally {
    Date.now = realNow
  }
}

const sneakyKey = fc.constantFrom('__proto__', 'constructor', 'toString', 'error', 'role', 'payload', 'zz')
const loose = fc.dictionary(fc.oneof(sneakyKey, fc.string({ maxLength: 4 })), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })
const number = fc.oneof({ arbitrary: fc.nat(), weight: 10 }, fc.double(), fc.integer(), fc.constant(2 ** 53), fc.constant(2 ** 53 - 1), fc.constant(-0), fc.constant(-1))
/** Mostly the right kind of value (so the accepting path is reached), sometimes a wrong one. */
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null | string | number> =>
  fc.oneof({ arbitrary: arb, weight: 40 }, fc.constant(null), fc.string({ maxLength: 3 }), fc.integer())
const traceEntry = fc.record({
  start_ts: maybe(number),
  role: maybe(fc.string()),
  agent_id: maybe(fc.string()),
  end_ts: maybe(number),
  duration: maybe(number),
  error: maybe(fc.string()),
  safety_violation: maybe(fc.boolean()),
  extra: fc.jsonValue({ maxDepth: 1 }),
}, { requiredKeys: [] })
const envelopeLike = fc.record({
  conversation_id: maybe(fc.string({ maxLength: 3 })),
  message_id: maybe(fc.string({ maxLength: 3 })),
  target_role: maybe(fc.string()),
  target_agent_id: maybe(fc.string()),
  target_list: maybe(fc.string()),
  sender_role: maybe(fc.string()),
  sender_agent_id: maybe(fc.string()),
  kind: maybe(fc.constantFrom(...envelopeKinds, 'other')),
  payload: fc.oneof(loose, fc.array(fc.integer(), { maxLength: 2 }), fc.constant(null)),
  update_ts: maybe(number),
  result_list: maybe(fc.string()),
  trace: fc.oneof(fc.array(fc.oneof(traceEntry, fc.integer()), { maxLength: 3 }), fc.constant({})),
  process_count: maybe(number),
  total_processing_time: maybe(number),
  create_ts: maybe(number),
  zz: fc.jsonValue({ maxDepth: 1 }),
}, { requiredKeys: [] })

describe('the compiled envelope check agrees with envelopeSchema', () => {
  it('accepts only what zod accepts, and builds the same envelope (key order too)', () => {
    let accepted = 0
    fc.assert(fc.property(envelopeLike, loose, (value, extra) => {
      for (const input of [value, { ...extra, ...value }, JSON.parse(JSON.stringify({ ...value, ...extra }))]) {
        const fast = checkEnvelopeFast(input, now)
        const reference = zodVerdict(input)
        if (fast === null) continue // zod decides
        accepted += 1
        expect(reference).not.toBeNull()
        expect(JSON.stringify(fast)).toBe(reference)
      }
    }), { numRuns: 3000 })
    expect(accepted).toBeGreaterThan(50) // the generator reaches the accepting path
  })

  it('takes the ordinary envelope itself (the fast path is really used)', () => {
    const env = {
      conversation_id: 'c', message_id: 'm', sender_role: 'manager', payload: { text: 'hi', __agent_timeout_sec: 1 },
      trace: [{ start_ts: 1, role: 'r', agent_id: 'a', end_ts: 2, duration: 1, error: null }], tenant: 't',
    }
    const input: unknown = JSON.parse(JSON.stringify(env))
    expect(checkEnvelopeFast(input, now)).not.toBeNull()
    expect(JSON.stringify(checkEnvelopeFast(input, now))).toBe(zodVerdict(input))
  })

  it('leaves own __proto__ keys to zod (which drops them)', () => {
    for (const text of [
      '{"conversation_id":"c","message_id":"m","__proto__":{"polluted":1}}',
      '{"conversation_id":"c","message_id":"m","payload":{"__proto__":{"polluted":1}}}',
      '{"conversation_id":"c","message_id":"m","trace":[{"start_ts":1,"role":"r","agent_id":"a","end_ts":2,"duration":1,"__proto__":{}}]}',
    ]) {
      expect(checkEnvelopeFast(JSON.parse(text), now)).toBeNull()
    }
  })
})
