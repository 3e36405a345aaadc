import type { DiffOp } from '@shared/api'

/** Diffs deeper than this are reported as one replace of the whole subtree. */
export const DIFF_MAX_DEPTH = 32
/** A diff lists at most this many operations. */
export const DIFF_MAX_OPS = 500

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** RFC 6901 escaping so keys with '/' or '~' stay unambiguous. */
const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1')

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]))
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a)
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]))
  }
  return false
}

function walk(before: unknown, after: unknown, path: string, depth: number, ops: DiffOp[]): void {
  if (ops.length >= DIFF_MAX_OPS || equal(before, after)) return
  const bothArrays = Array.isArray(before) && Array.isArray(after)
  const bothObjects = isObject(before) && isObject(after)
  if (depth >= DIFF_MAX_DEPTH || (!bothArrays && !bothObjects)) {
    ops.push({ op: 'replace', path: path || '/', before, after })
    return
  }
  if (bothArrays) {
    const a = before as unknown[]
    const b = after as unknown[]
    const shared = Math.min(a.length, b.length)
    for (let i = 0; i < shared; i++) walk(a[i], b[i], `${path}/${i}`, depth + 1, ops)
    for (let i = shared; i < b.length && ops.length < DIFF_MAX_OPS; i++) ops.push({ op: 'add', path: `${path}/${i}`, after: b[i] })
    for (let i = a.length - 1; i >= shared && ops.length < DIFF_MAX_OPS; i--) ops.push({ op: 'remove', path: `${path}/${i}`, before: a[i] })
    return
  }
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  for (const key of Object.keys(a)) {
    if (ops.length >= DIFF_MAX_OPS) return
    const p = `${path}/${escape(key)}`
    if (!Object.hasOwn(b, key)) ops.push({ op: 'remove', path: p, before: a[key] })
    else walk(a[key], b[key], p, depth + 1, ops)
  }
  for (const key of Object.keys(b)) {
    if (ops.length >= DIFF_MAX_OPS) return
    if (!Object.hasOwn(a, key)) ops.push({ op: 'add', path: `${path}/${escape(key)}`, after: b[key] })
  }
}

/** The operations that turn `before` into `after`, for plain JSON values. */
export function diffJson(before: Json | unknown, after: Json | unknown): DiffOp[] {
  const ops: DiffOp[] = []
  walk(before, after, '', 0, ops)
  return ops
}
