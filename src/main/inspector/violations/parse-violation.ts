import type { Violation } from '@shared/api'
import { violationKindSchema } from '@shared/api'
import { violationFields } from '@shared/records'
import { fieldsToRecord } from '../redis-reply'

const num = (value: string | undefined): number => {
  const n = Number(value)
  return Number.isFinite(n) ? n : 0
}

/** One entry of switchyard:violations; null when its kind is not one we know. */
export function parseViolation(id: string, raw: string[]): Violation | null {
  const f = fieldsToRecord(raw)
  const kind = violationKindSchema.safeParse(f[violationFields.kind])
  if (!kind.success) return null
  return {
    id,
    ts: num(f[violationFields.ts]) || Number(id.split('-')[0]) / 1000,
    kind: kind.data,
    message: f[violationFields.message] ?? '',
    messageId: f[violationFields.messageId] ?? '',
    conversationId: f[violationFields.conversationId] ?? '',
    role: f[violationFields.role] ?? '',
    agentId: f[violationFields.agentId] ?? '',
    processCount: num(f[violationFields.processCount]),
    totalProcessingTime: num(f[violationFields.totalProcessingTime]),
    ageSec: num(f[violationFields.ageSec]),
  }
}
