// The `switchyard request` command.
import { redisConfigFromEnv } from '../../redis/connection-config'
import { AgentRuntime } from '../core/agent-runtime'
import { runtimeOptionsFromEnv } from '../core/options'
import { exitCleanlyOnSignals } from './shutdown'

/** `switchyard request "Hello, world!"`: prints the result text and the trace; exit code 0 on success. */
export async function runRequest(args: { text: string; timeoutMs: number; conversationId: string; local: boolean }): Promise<number> {
  const runtime = new AgentRuntime({ ...runtimeOptionsFromEnv(), redis: redisConfigFromEnv() })
  exitCleanlyOnSignals(() => runtime.close())
  try {
    await runtime.start()
    if (args.local) for (const role of ['manager', 'uppercase', 'reverse']) await runtime.startRole(role)
    const result = await runtime.request(args.conversationId, args.text, { timeoutMs: args.timeoutMs })
    console.log(String(result.payload.text ?? ''))
    for (const hop of result.trace) {
      const error = hop.error ? `  error: ${hop.error}` : ''
      console.log(`  ${hop.role.padEnd(10)} ${hop.agent_id.padEnd(24)} ${(hop.duration * 1000).toFixed(2)} ms${error}`)
    }
    const errors = Array.isArray(result.payload.errors) ? result.payload.errors : []
    if (errors.length > 0) console.error(`errors: ${JSON.stringify(errors)}`)
    return errors.length > 0 ? 2 : 0
  } catch (error) {
    console.error(`request failed: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    await runtime.close()
  }
}
