// Parsers of the `switchyard` command's option values (commander calls them with the raw text).
import { InvalidArgumentError } from 'commander'

/** A count or a duration: a whole number of at least 1 (0 instances or a 0 ms timeout is a mistake). */
export function positiveInt(value: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}"`)
  return n
}
