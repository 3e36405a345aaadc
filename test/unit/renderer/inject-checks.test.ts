import { describe, expect, it } from 'vitest'
import { DEFAULT_DRAFT, parseDraft } from '../../../src/renderer/src/views/inject/inject-form'
import { parseRawDraft } from '../../../src/renderer/src/views/inject/raw-form'
import { noReaderWarning, payloadSchemaError, unknownTargetError } from '../../../src/renderer/src/views/inject/target-checks'
import type { InjectTemplate, TopologySnapshot } from '@shared/api'

const snapshot = (streams: Array<{ key: string; groups: number }>): TopologySnapshot => ({
  ts: 1,
  streams: streams.map(({ key, groups }) => ({
    key,
    length: 0,
    firstId: null,
    lastId: null,
    memoryBytes: null,
    ratePerSec: 0,
    groups: Array.from({ length: groups }, (_, i) => ({ name: `g${i}`, consumers: [], pending: 0, lastDeliveredId: '0-0', entriesRead: 0, lag: 0 })),
  })),
  agents: [],
  graph: { nodes: [], edges: [] },
  streamCount: streams.length,
  truncated: false,
})
const demo: InjectTemplate = { id: 'demo', name: 'Demo', description: '', envelope: { target: { kind: 'role', name: 'manager' }, payload: { text: 'x', stage: 'start' } } }

describe('inject checks before sending', () => {
  it('refuses a role nobody knows, accepts runtime roles and roles with a stream', () => {
    expect(unknownTargetError('role', 'nobody', snapshot([]))).toMatch(/no role "nobody" is known/)
    expect(unknownTargetError('role', 'manager', null)).toBeNull()
    expect(unknownTargetError('role', 'custom', snapshot([{ key: 'stream:role:custom', groups: 1 }]))).toBeNull()
  })
  it('checks the payload against the template: {"text":42} is refused at payload.text', () => {
    expect(payloadSchemaError({ text: 42, stage: 'start' }, demo.envelope!.payload)).toMatch(/payload.text must be a string, not a number/)
    expect(payloadSchemaError({ stage: 'start' }, demo.envelope!.payload)).toMatch(/payload.text is missing/)
    const parsed = parseDraft({ ...DEFAULT_DRAFT, payloadText: '{"text":42,"stage":"start"}' }, { templates: [demo], snapshot: null })
    expect(parsed.ok ? null : parsed.errors.payload).toMatch(/as the template "Demo" expects/)
  })
  it('names every bad number at once (0 and 2.5 copies, a negative wait)', () => {
    const parsed = parseDraft({ ...DEFAULT_DRAFT, copies: '2.5', waitMs: '-1' })
    expect(parsed.ok ? {} : parsed.errors).toEqual({
      copies: 'copies must be a whole number from 1 to 10000 (not 2.5)',
      waitMs: 'wait must be a whole number from 0 to 120000 (not -1)',
    })
  })
  it('warns when no group reads the target', () => {
    expect(noReaderWarning('new:stream', snapshot([]))).toMatch(/does not exist yet/)
    expect(noReaderWarning('s', snapshot([{ key: 's', groups: 0 }]))).toMatch(/No consumer group reads s/)
    expect(noReaderWarning('s', snapshot([{ key: 's', groups: 1 }]))).toBeNull()
  })
  it('raw fields: empty rows left out, nameless and repeated names refused at their row', () => {
    expect(parseRawDraft({ stream: ' s ', copies: '1', rows: [{ name: 'a', value: '1' }, { name: '', value: '' }] })).toEqual({ ok: true, args: { stream: 's', fields: { a: '1' }, copies: 1 } })
    const bad = parseRawDraft({ stream: '', copies: '0', rows: [{ name: 'a', value: '1' }, { name: 'a', value: '2' }, { name: '', value: 'x' }] })
    expect(bad.ok ? {} : bad.errors).toEqual({
      stream: 'name the stream to write to',
      copies: 'copies must be a whole number from 1 to 10000 (not 0)',
      'row-1': 'field "a" is given twice',
      'row-2': 'a field needs a name',
    })
  })
})
