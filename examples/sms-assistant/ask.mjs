// Asks the SMS assistant one question through the SDK and prints the answer and its path:
//   node examples/sms-assistant/ask.mjs "¿Cómo configuro los ajustes de SMS?"
import { request } from 'switchyard'

const question = process.argv.slice(2).join(' ')
if (!question) {
  console.error('usage: node examples/sms-assistant/ask.mjs "your question"')
  process.exit(2)
}
const result = await request('sms_manager', { payload: { user_query: question } }, { timeoutMs: 30_000 })
const { answer, quality, retry_count: retries, errors } = result.payload
console.log(answer ?? '(no answer)')
console.log(`quality ${quality?.score ?? '-'} (${quality?.passed ? 'passed' : 'weak'}), retries ${retries ?? 0}`)
console.log(`path: ${result.trace.map((hop) => hop.role).join(' → ')}`)
if (Array.isArray(errors) && errors.length > 0) console.error(`errors: ${JSON.stringify(errors)}`)
