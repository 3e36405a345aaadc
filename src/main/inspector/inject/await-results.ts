import type { Redis } from 'ioredis'
import { resultListOf, type Envelope } from '../../../shared/envelope'
import { decodeResult } from '../runtime-port'

/**
 * Waits on all result lists at once (one BRPOP over the lists still open), so
 * N copies wait waitMs together rather than one after the other. Results are
 * matched by message_id, so copies sharing one result list are told apart;
 * a result that does not decode leaves its message unanswered.
 */
export async function awaitResults(blocking: Redis, sent: readonly Envelope[], waitMs: number): Promise<Array<Envelope | null>> {
  const answers = new Map<string, Envelope>()
  const open = new Map<string, number>() // result list -> answers still expected on it
  for (const env of sent) open.set(resultListOf(env), (open.get(resultListOf(env)) ?? 0) + 1)
  const deadline = Date.now() + waitMs
  while (open.size > 0) {
    const left = deadline - Date.now()
    if (left <= 0) break
    const reply = await blocking.brpop([...open.keys()], Math.max(0.01, left / 1000))
    if (!reply) break
    const [list, text] = reply
    const remaining = (open.get(list) ?? 1) - 1
    if (remaining > 0) open.set(list, remaining)
    else open.delete(list)
    try {
      const env = decodeResult(text)
      answers.set(env.message_id, env)
    } catch {
      // Not an envelope: nothing to match it to.
    }
  }
  return sent.map((env) => answers.get(env.message_id) ?? null)
}
