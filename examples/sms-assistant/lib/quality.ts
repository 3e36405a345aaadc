import { contentWords, stem } from './text.ts'
import { coverage } from './summary.ts'

/** Answers scoring below this go back to clarify (seed 001's QUALITY_THRESHOLD). */
export const QUALITY_THRESHOLD = 0.5
/** Weak answers go back to clarify at most this often (seed 001's retry_count). */
export const MAX_RETRIES = 2

export interface QualityInput {
  query: string
  response: string
  /** Search scores of the chunks the answer was built from (best first). */
  relevance: number[]
  sourcesUsed: number
}

export interface QualityReport {
  score: number
  coverage: number
  grounded: boolean
  length_ok: boolean
  reasons: string[]
}

/**
 * A QC score from what can be checked offline: how much of the question the
 * answer covers, whether it is grounded in at least one found source, and
 * whether its length is usable on a phone (20 to 480 characters, three SMS).
 */
export function scoreAnswer(input: QualityInput): QualityReport {
  const covered = coverage(new Set(contentWords(input.query).map(stem)), input.response)
  const grounded = input.sourcesUsed > 0 && (input.relevance[0] ?? 0) > 0
  const lengthOk = input.response.length >= 20 && input.response.length <= 480
  const reasons: string[] = []
  if (covered < QUALITY_THRESHOLD) reasons.push(`covers ${Math.round(covered * 100)}% of the question`)
  if (!grounded) reasons.push('no source found')
  if (!lengthOk) reasons.push(`length ${input.response.length} characters is outside 20-480`)
  const score = Math.round((0.8 * covered + (grounded ? 0.1 : 0) + (lengthOk ? 0.1 : 0)) * 100) / 100
  return { score, coverage: covered, grounded, length_ok: lengthOk, reasons }
}
