// Ten roles in a chain (chain_1 → chain_2 → … → chain_10 → result list) for the
// "cost as work grows" figure: `switchyard worker --agents bench/pipeline/systems/chain-agents.mjs --instances 4`.
// Each hop does the demo's work (upper-case or reverse the text) and names the next role.
import { BaseAgent } from 'switchyard'

const CHAIN_LENGTH = 10

function chainAgent(n) {
  return class extends BaseAgent {
    constructor() {
      super(`chain_${n}`)
    }
    process(env) {
      const text = String(env.payload.text ?? '')
      env.payload.text = n % 2 ? text.toUpperCase() : Array.from(text).reverse().join('')
      if (n < CHAIN_LENGTH) {
        env.target_role = `chain_${n + 1}`
      } else {
        env.kind = 'result'
        env.target_list = env.result_list || `result:${env.message_id}`
      }
      return env
    }
  }
}

export const Chain1Agent = chainAgent(1)
export const Chain2Agent = chainAgent(2)
export const Chain3Agent = chainAgent(3)
export const Chain4Agent = chainAgent(4)
export const Chain5Agent = chainAgent(5)
export const Chain6Agent = chainAgent(6)
export const Chain7Agent = chainAgent(7)
export const Chain8Agent = chainAgent(8)
export const Chain9Agent = chainAgent(9)
export const Chain10Agent = chainAgent(10)
