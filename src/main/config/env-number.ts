// The one parser of numbers from environment variables (Redis settings and runtime options).

/**
 * `env[name]` as a non-negative number, or undefined when unset or blank.
 * Anything else is refused with an error naming the variable and its value.
 */
export function envNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return undefined
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`)
  return value
}
