// Seed 001's demo routing, written plainly for the hand-written baselines:
// manager: start → uppercase (upper) → reverse (reverse) → result list; workers return to the sender.

export const ROLES = ['manager', 'uppercase', 'reverse']
export const streamOf = (role) => `stream:role:${role}`
export const groupOf = (role) => `cg:role:${role}`

/** One hop of `role` on a parsed envelope; answers where it goes: { stream } or { list }. */
export function hop(role, agentId, env) {
  const start = Date.now() / 1000
  let to = { stream: streamOf(env.sender_role) }
  const text = String(env.payload.text ?? '')
  if (role === 'uppercase') env.payload.text = text.toUpperCase()
  else if (role === 'reverse') env.payload.text = Array.from(text).reverse().join('')
  else if (env.payload.stage === 'start') {
    env.payload.stage = 'upper'
    to = { stream: streamOf('uppercase') }
  } else if (env.payload.stage === 'upper') {
    env.payload.stage = 'reverse'
    to = { stream: streamOf('reverse') }
  } else {
    env.kind = 'result'
    to = { list: env.result_list || `result:${env.message_id}` }
  }
  const end = Date.now() / 1000
  env.trace.push({ start_ts: start, role, agent_id: agentId, end_ts: end, duration: end - start, error: null })
  env.process_count += 1
  env.total_processing_time += end - start
  env.sender_role = role
  env.sender_agent_id = agentId
  env.update_ts = end
  return to
}

/** Creates the role groups, then calls `loop(role)` for each role until SIGTERM; prints "ready". */
export async function runRoles(Redis, url, loop) {
  const setup = new Redis(url)
  for (const role of ROLES) {
    await setup.xgroup('CREATE', streamOf(role), groupOf(role), '$', 'MKSTREAM').catch((e) => {
      if (!String(e.message).includes('BUSYGROUP')) throw e
    })
  }
  setup.disconnect()
  const state = { closing: false }
  const loops = ROLES.map((role) => loop(role, state))
  process.on('SIGTERM', () => {
    state.closing = true
    Promise.all(loops).then(() => process.exit(0))
  })
  console.log('ready')
}
