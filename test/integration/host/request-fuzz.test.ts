import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { methods, requestSchemas, type Method } from '@shared/api'
import { startHostFixture, type HostFixture } from './host-fixture'

/** Valid arguments of these would act (switch Redis, start agents, write): only their refusals are dispatched. */
const ACTING = /^(connection\.|agents\.(start|stop|scale|broadcast)|streams\.(add|trim)|groups\.|consumers\.|pending\.|deadLetters\.replay|inject\.envelope)/

const nasty = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '', '\u0000', '\uFFFD', '0-0', '$', -1, 1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}') as unknown),
  fc.constant(JSON.parse('{"constructor":{"prototype":{"polluted":true}}}') as unknown),
)

/** Objects with the schema's own field names (to reach field-level checks) and some strangers. */
function argsFor(method: Method): fc.Arbitrary<unknown> {
  const schema = requestSchemas[method] as unknown as { shape?: Record<string, z.ZodType> }
  const keys = Object.keys(schema.shape ?? {})
  const known = keys.length
    ? fc.dictionary(fc.constantFrom(...keys, '__proto__', 'extra'), nasty, { maxKeys: keys.length + 2 })
    : fc.dictionary(fc.string(), nasty, { maxKeys: 3 })
  return fc.oneof(known, nasty)
}

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',')

describe('every ControlApi request schema, fuzzed through the real dispatcher', () => {
  let f: HostFixture
  beforeAll(async () => {
    f = await startHostFixture()
  })
  afterAll(async () => {
    await f?.close()
  })

  it('answers a clear error naming the field, never throws, never changes a prototype', async () => {
    const before = prototypeKeys()
    for (const method of methods) {
      await fc.assert(
        fc.asyncProperty(argsFor(method), async (args) => {
          const parsed = requestSchemas[method].safeParse(args ?? {})
          if (parsed.success && ACTING.test(method)) return
          const result = await f.dispatch(method, args)
          if (parsed.success) return // a read on the test Redis: any Result will do
          expect(result.ok).toBe(false)
          if (result.ok) return
          expect(result.error.code).toBe('invalid_request')
          // "<method>: <path or (root)>: <what was wrong>", each failing path named.
          expect(result.error.message).toMatch(new RegExp(`^${method.replace(/\./g, '\\.')}: [^:]+: .+`))
          const paths = parsed.error.issues.map((i) => (i.path.length ? i.path.join('.') : '(root)'))
          for (const path of paths) expect(result.error.message).toContain(path)
        }),
        { numRuns: 40 },
      )
    }
    expect(prototypeKeys()).toBe(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(await f.dispatch('connection.status', {})).toMatchObject({ ok: true, value: { state: 'connected' } })
  }, 120_000)

  it('refuses unknown and hostile method names', async () => {
    for (const method of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 42, null, { m: 1 }]) {
      const result = await f.dispatch(method, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    }
  })
})
