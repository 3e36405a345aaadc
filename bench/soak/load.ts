import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { sendEnvelope } from '../../src/main/runtime'

/** Every result of the soak comes back on this one list. */
export const SOAK_RESULTS = 'soak:results'

/**
 * Sends demo requests at a steady rate and counts each result by message id:
 * a message never answered is lost, one answered twice is a duplicate.
 */
export class SoakLoad {
  readonly sent = new Set<string>()
  readonly answers = new Map<string, number>()
  hops = 0
  sendErrors = 0
  private sending = false
  private receiving = true
  private loop: Promise<void> = Promise.resolve()

  constructor(
    private readonly redis: Redis,
    private readonly blocking: Redis,
  ) {}

  /** One request, waited for: how many hops a demo request makes. */
  async probe(timeoutMs = 30_000): Promise<number> {
    const { envelope } = await this.send()
    const deadline = Date.now() + timeoutMs
    while (!this.answers.has(envelope.message_id)) {
      if (Date.now() > deadline) throw new Error('the probe request got no result: is the worker running?')
      await new Promise((r) => setTimeout(r, 20))
    }
    return this.hops
  }

  startReceiving(): void {
    this.loop = (async () => {
      while (this.receiving) {
        const reply = await this.blocking.brpop(SOAK_RESULTS, 0.5).catch(() => null)
        if (!reply) continue
        try {
          const env = JSON.parse(reply[1]) as { message_id: string; trace?: unknown[] }
          this.answers.set(env.message_id, (this.answers.get(env.message_id) ?? 0) + 1)
          this.hops += env.trace?.length ?? 0
        } catch {
          this.answers.set('(not JSON)', (this.answers.get('(not JSON)') ?? 0) + 1)
        }
      }
    })()
  }

  private send() {
    const conversation = `soak-${randomUUID()}`
    const sending = sendEnvelope(this.redis, { kind: 'role', name: 'manager' }, {
      conversation_id: conversation,
      kind: 'task',
      sender_role: 'external',
      payload: { text: `Hello, soak ${this.sent.size}!`, stage: 'start' },
      result_list: SOAK_RESULTS,
    })
    return sending.then((sent) => (this.sent.add(sent.envelope.message_id), sent))
  }

  /** Sends `perSec` requests a second until stopSending(); catches up after a slow tick. */
  startSending(perSec: number): void {
    this.sending = true
    const started = Date.now()
    let issued = 0
    const tick = () => {
      if (!this.sending) return
      const due = Math.floor(((Date.now() - started) / 1000) * perSec)
      for (; issued < due; issued++) void this.send().catch(() => this.sendErrors++)
      setTimeout(tick, 10)
    }
    tick()
  }

  stopSending(): void {
    this.sending = false
  }

  get lost(): string[] {
    return [...this.sent].filter((id) => !this.answers.has(id))
  }

  get duplicates(): string[] {
    return [...this.answers].filter(([id, n]) => n > 1 && id !== '(not JSON)').map(([id]) => id)
  }

  /** Waits until every sent message is answered, or nothing new arrived for `quietMs`. */
  async drain(quietMs: number): Promise<void> {
    let last = -1
    let lastChange = Date.now()
    while (this.lost.length > 0 && Date.now() - lastChange < quietMs) {
      if (this.answers.size !== last) {
        last = this.answers.size
        lastChange = Date.now()
      }
      await new Promise((r) => setTimeout(r, 250))
    }
  }

  async stop(): Promise<void> {
    this.stopSending()
    this.receiving = false
    await this.loop
  }
}
