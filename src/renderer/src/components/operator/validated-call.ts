import { requestSchemas, type Method, type RequestInput, type ResponseOf } from '@shared/api'
import { parseWith } from '@shared/validate'
import { call } from '../../api/client'
import { errorText } from './format'

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string }

/**
 * Checks a form's arguments with the request's own schema before sending, so
 * the operator sees which field is wrong without a round trip; then calls.
 */
export async function validatedCall<M extends Method>(method: M, args: RequestInput<M>): Promise<Outcome<ResponseOf<M>>> {
  const checked = parseWith(requestSchemas[method], args)
  if (!checked.ok) return { ok: false, message: checked.message }
  try {
    return { ok: true, value: await call(method, args) }
  } catch (err) {
    return { ok: false, message: errorText(err) }
  }
}
