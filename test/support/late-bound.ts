/**
 * A value that a beforeAll hook makes, usable as a plain const in the test
 * file: every property read is forwarded to it (methods bound to it).
 */
export function lateBound<T extends object>(current: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = current()
      if (!target) throw new Error(`${what} is used before beforeAll made it`)
      const value: unknown = Reflect.get(target, key, target)
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
}
