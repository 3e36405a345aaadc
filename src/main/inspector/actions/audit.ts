import type { RedisClient } from '../../redis/client-type'
import { AUDIT_STREAM } from '@shared/keys'
import { auditFields } from '@shared/records'
import type { AuditEntry } from '@shared/api'
import { fieldsToRecord } from '../redis-reply'
import { HandlerError } from '@shared/result'
import { isNoPermission, noPermissionSentence } from '../../redis/acl-errors'

/** The audit stream keeps about this many operator writes (XADD MAXLEN ~). */
export const AUDIT_MAX_LEN = 10_000

/** Who writes: the shared connection and its redacted label for the record. */
export interface ActionContext {
  redis: RedisClient
  connectionLabel: string
}

function auditEntryFields(ctx: ActionContext, action: string, details: Record<string, unknown>): string[] {
  return [
    auditFields.action, action,
    auditFields.connection, ctx.connectionLabel,
    auditFields.details, JSON.stringify(details),
    auditFields.ts, String(Date.now() / 1000), // seconds, like every Switchyard record
  ]
}

export async function appendAudit(ctx: ActionContext, action: string, details: Record<string, unknown>): Promise<void> {
  await ctx.redis.xadd(AUDIT_STREAM, 'MAXLEN', '~', AUDIT_MAX_LEN, '*', ...auditEntryFields(ctx, action, details))
}

function parseDetails(raw: string | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw ?? '{}')
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value }
  } catch {
    return { raw }
  }
}

/** Newest first. */
export async function listAudit(redis: RedisClient, count: number): Promise<AuditEntry[]> {
  const rows = await redis.xrevrange(AUDIT_STREAM, '+', '-', 'COUNT', count)
  return rows.map(([id, fields]) => {
    const f = fieldsToRecord(fields)
    return {
      id,
      ts: Number(f[auditFields.ts] ?? 0),
      action: f[auditFields.action] ?? '',
      connection: f[auditFields.connection] ?? '',
      details: parseDetails(f[auditFields.details]),
    }
  })
}

/**
 * Runs one operator write, then records it. Only writes that happened are
 * recorded: a MULTI does not roll back, so the audit is not queued inside it.
 */
export async function audited<T>(
  ctx: ActionContext,
  action: string,
  details: Record<string, unknown>,
  run: () => Promise<T>,
  summarize: (result: T) => Record<string, unknown> = () => ({}),
): Promise<T> {
  const result = await run()
  const record = { ...details, ...summarize(result) }
  try {
    await appendAudit(ctx, action, record)
  } catch (error) {
    // The write happened: say so, and that only its record is missing.
    const why = isNoPermission(error) ? noPermissionSentence(error, AUDIT_STREAM) : error instanceof Error ? error.message : String(error)
    throw new HandlerError('audit_failed', `${action} ran (${JSON.stringify(record)}), but its audit record was not written: ${why}`)
  }
  return result
}
