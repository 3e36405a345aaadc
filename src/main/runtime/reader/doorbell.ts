// Wakes an agent blocked on its role stream when its own stream gets a message.
import type { Redis } from 'ioredis'
import { agentStream } from '@shared/keys'
import { isConnectionError, sleep } from '../core/async-utils'
import { parseReadReply } from './stream-entry'

/** Bound on the agent streams one doorbell watches (one per local envelope agent). */
export const DOORBELL_MAX_STREAMS = 1_000

/**
 * An agent blocks on its role stream; its own stream is read without
 * blocking in the same round trip (one XREADGROUP takes one group, and the
 * seed names two). So a message to `stream:agent:{id}` would wait for the
 * role read's BLOCK to end. The doorbell, one blocking XREAD (no group, so
 * nothing is consumed) per process over every local agent stream, rings the
 * agent as soon as something arrives, and its read starts over at once.
 */
export class Doorbell {
  private readonly watched = new Map<string, { lastId: string; ring: () => void }>()
  private clientId: number | null = null
  private closing = false
  private reading = false
  private loop: Promise<void> | null = null

  get connection(): Redis {
    return this.client
  }

  constructor(
    private readonly client: Redis,
    private readonly commands: Redis,
    private readonly blockMs: number,
  ) {}

  watch(agentId: string, ring: () => void): void {
    if (this.watched.size >= DOORBELL_MAX_STREAMS) return // beyond it, direct messages wait for the BLOCK cap
    this.watched.set(agentStream(agentId), { lastId: '$', ring })
    this.loop ??= this.run()
    this.restart()
  }

  unwatch(agentId: string): void {
    this.watched.delete(agentStream(agentId))
    this.restart()
  }

  async close(): Promise<void> {
    this.closing = true
    this.restart()
    await this.loop
  }

  /** Ends the pending XREAD so the next one covers the current set of streams. */
  private restart(): void {
    if (this.reading && this.clientId !== null) {
      this.commands.call('CLIENT', ['UNBLOCK', this.clientId, 'TIMEOUT']).catch(() => undefined)
    }
  }

  private async run(): Promise<void> {
    this.clientId = Number(await this.client.client('ID').catch(() => -1))
    this.client.on('ready', () => void this.client.client('ID').then((id) => (this.clientId = Number(id)), () => undefined))
    while (!this.closing) {
      const streams = [...this.watched.keys()]
      if (streams.length === 0) {
        await sleep(this.blockMs)
        continue
      }
      const ids = streams.map((s) => this.watched.get(s)?.lastId ?? '$')
      this.reading = true
      try {
        const reply = await this.client.call('XREAD', ['COUNT', 1, 'BLOCK', this.blockMs, 'STREAMS', ...streams, ...ids])
        for (const entry of parseReadReply(reply, '')) {
          const watch = this.watched.get(entry.stream)
          if (!watch) continue
          watch.lastId = entry.id
          watch.ring()
        }
      } catch (error) {
        if (!this.closing && !isConnectionError(error)) await sleep(this.blockMs)
      } finally {
        this.reading = false
      }
    }
  }
}
