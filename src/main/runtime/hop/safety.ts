// Seed 001's safety limits (hop count, processing time, age) and their violations.
import type { Envelope } from '@shared/envelope'
import type { SafetyLimits } from '../core/options'

export type ViolationKind = 'process_count' | 'processing_time' | 'age'

export interface SafetyViolation {
  kind: ViolationKind
  /** The seed's text, verbatim. */
  message: string
  ageSec: number
}

/** Python's str(float): 300.0 prints as "300.0", 0.5 as "0.5". */
export function pythonFloat(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value)
}

/** Seed 001's check_safety_limits, with its messages. */
export function checkSafetyLimits(
  env: Pick<Envelope, 'process_count' | 'total_processing_time' | 'create_ts'>,
  limits: SafetyLimits,
  nowSec: number = Date.now() / 1000,
): SafetyViolation | null {
  const ageSec = env.create_ts > 0 ? nowSec - env.create_ts : 0
  if (env.process_count >= limits.maxProcessCount) {
    return {
      kind: 'process_count',
      message: `Process count limit exceeded: ${env.process_count} >= ${limits.maxProcessCount}`,
      ageSec,
    }
  }
  if (env.total_processing_time >= limits.maxTotalProcessingTimeSec) {
    return {
      kind: 'processing_time',
      message:
        `Total processing time limit exceeded: ${env.total_processing_time.toFixed(2)}s >= ` +
        `${pythonFloat(limits.maxTotalProcessingTimeSec)}s`,
      ageSec,
    }
  }
  if (env.create_ts > 0 && ageSec >= limits.maxEnvelopeAgeSec) {
    return {
      kind: 'age',
      message: `Envelope age limit exceeded: ${ageSec.toFixed(2)}s >= ${pythonFloat(limits.maxEnvelopeAgeSec)}s`,
      ageSec,
    }
  }
  return null
}
