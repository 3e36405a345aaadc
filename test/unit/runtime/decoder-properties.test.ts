import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeEntryEnvelope } from '../../../src/main/runtime/reader/envelope-decode'
import { decodeFields, parseReadReply } from '../../../src/main/runtime/reader/stream-entry'
import { nestsDeeperThan } from '../../../src/main/runtime/reader/json-depth'

const MAX_BYTES = 1024 * 1024
const prototypeIntact = (): boolean =>
  (({}) as Record<string, unknown>).polluted === undefined && Object.getPrototypeOf({}) === Object.prototype

/** Keys that try to reach a prototype, mixed into generated objects. */
const sneakyKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted')
const sneakyObject = fc.dictionary(fc.oneof(sneakyKey, fc.string()), fc.oneof(fc.jsonValue(), fc.constant({ polluted: 'yes' })))
const envelopeLike = fc.record({
  conversation_id: fc.oneof(fc.string(), fc.integer()),
  message_id: fc.oneof(fc.string(), fc.constant('m-\udcff'), fc.constant(null)),
  payload: fc.oneof(sneakyObject, fc.string()),
  trace: fc.oneof(fc.array(sneakyObject), fc.constant(undefined)),
  process_count: fc.oneof(fc.integer(), fc.string()),
}, { requiredKeys: [] })

describe('the envelope decoder (fast-check): a clear answer for any input, never a throw, never a prototype change', () => {
  it('any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      const outcome = decodeEntryEnvelope({ envelope: text }, MAX_BYTES)
      if (!outcome.ok) expect(outcome.reason.length).toBeGreaterThan(0)
      expect(prototypeIntact()).toBe(true)
    }), { numRuns: 500 })
  })

  it('JSON that looks like an envelope, with __proto__ / constructor keys anywhere', () => {
    fc.assert(fc.property(envelopeLike, sneakyKey, (value, key) => {
      const text = JSON.stringify(value).replace(/^\{/, `{"${key}":{"polluted":"yes"},`)
      const outcome = decodeEntryEnvelope({ envelope: text }, MAX_BYTES)
      if (outcome.ok) {
        expect(typeof outcome.envelope.message_id).toBe('string')
        expect(Object.getPrototypeOf(outcome.envelope.payload)).toBe(Object.prototype)
      } else {
        expect(outcome.reason).toMatch(/^envelope |^missing field/)
      }
      expect(prototypeIntact()).toBe(true)
    }), { numRuns: 500 })
  })

  it('nesting of any depth: refused past 256 levels, with that reason', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 6000 }), fc.constantFrom('[', '{"a":'), (depth, open) => {
      const close = open === '[' ? ']' : '}'
      const deep = `${open.repeat(depth)}1${close.repeat(depth)}`
      const outcome = decodeEntryEnvelope({ envelope: `{"conversation_id":"c","message_id":"m","payload":{"d":${deep}}}` }, MAX_BYTES)
      if (depth + 2 > 256) expect(outcome).toEqual({ ok: false, reason: 'envelope nests deeper than 256 levels' })
      else expect(outcome.ok).toBe(true)
    }), { numRuns: 200 })
  })

  it('the depth scan agrees with JSON.parse on what is deep (brackets inside strings do not count)', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 12 }), (value) => {
      const text = JSON.stringify(value)
      const depthOf = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0)
      expect(nestsDeeperThan(text, 5)).toBe(depthOf(value) > 5)
    }), { numRuns: 300 })
  })
})

describe('the stream-entry decoder (fast-check)', () => {
  const item = fc.oneof(fc.uint8Array({ maxLength: 20 }).map((b) => Buffer.from(b)), fc.string(), sneakyKey, fc.integer(), fc.constant(null))
  const body = fc.array(item, { maxLength: 12 })
  const reply = fc.oneof(
    fc.array(fc.tuple(item, fc.array(fc.tuple(item, fc.oneof(body, fc.constant(null)))))), // RESP2
    fc.array(fc.oneof(item, fc.array(fc.tuple(item, body)))), // RESP3 flattened map
    fc.anything(),
  )

  it('any reply shape: entries or nothing, never a throw, never a prototype change', () => {
    fc.assert(fc.property(reply, (raw) => {
      const entries = parseReadReply(raw, 'g')
      for (const entry of entries) {
        expect(typeof entry.id).toBe('string')
        expect(Object.getPrototypeOf(entry.fields)).toBe(Object.prototype)
      }
      expect(prototypeIntact()).toBe(true)
    }), { numRuns: 500 })
  })

  it('fields: every name kept as an own property ("__proto__" too), a non-UTF-8 one named in the reason', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.oneof(sneakyKey, fc.string()), fc.uint8Array({ maxLength: 8 })), { maxLength: 8 }), (pairs) => {
      const flat = pairs.flatMap(([name, bytes]) => [Buffer.from(name), Buffer.from(bytes)])
      const { fields, undecodable } = decodeFields(flat)
      for (const [name] of pairs) expect(Object.hasOwn(fields, name)).toBe(true)
      const bad = pairs.find(([, bytes]) => !isUtf8Strict(bytes))
      if (bad) expect(undecodable).toMatch(/is not valid UTF-8 \(byte 0x[0-9a-f]{2} at offset \d+\)$/)
      else expect(undecodable).toBeUndefined()
      expect(prototypeIntact()).toBe(true)
    }), { numRuns: 500 })
  })
})

function isUtf8Strict(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}
