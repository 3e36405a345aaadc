/**
 * NOPERM replies in words: which command or key the Redis user may not
 * use, and the ACL rule that would allow it. Redis 7.0 answers e.g.
 * "NOPERM this user has no permissions to run the 'ping' command" and
 * "NOPERM this user has no permissions to access one of the keys used as arguments".
 */
export function isNoPermission(error: unknown): boolean {
  return error instanceof Error && /^NOPERM\b/.test(error.message)
}

/** One sentence naming what was refused; `what` is the thing the caller tried (a key, "the audit record"). */
export function noPermissionSentence(error: unknown, what?: string): string {
  const message = error instanceof Error ? error.message : String(error)
  const command = /run the '([^']+)' command/i.exec(message)?.[1]
  if (command) return `the Redis user may not run ${command.toUpperCase()}${what ? ` (${what})` : ''}; its ACL needs +${command.toLowerCase()}`
  if (/channel/i.test(message)) return `the Redis user may not use this pub/sub channel${what ? ` (${what})` : ''}; its ACL needs &<channel pattern>`
  if (/key/i.test(message)) return `the Redis user may not access ${what ?? 'this key'}; its ACL needs a ~<pattern> that covers it`
  return `the Redis user lacks a right${what ? ` for ${what}` : ''}: ${message}`
}
