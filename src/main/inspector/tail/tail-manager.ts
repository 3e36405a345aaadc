import { randomUUID } from 'node:crypto'
import type { RedisClient } from '../../redis/client-type'
import type { RequestArgs, TailBatch } from '@shared/api'
import { HandlerError } from '@shared/result'
import { TailSession } from './tail-session'

/** Each tail holds a connection; this many at once at most. */
export const MAX_TAILS = 16

/** Starts and stops live tails; every tail gets its own blocking connection. */
export class TailManager {
  private readonly tails = new Map<string, TailSession>()

  constructor(
    private readonly redis: RedisClient,
    private readonly createBlockingClient: () => RedisClient,
    private readonly push: (batch: TailBatch) => void,
    private readonly pushIntervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  get size(): number {
    return this.tails.size
  }

  async start(args: RequestArgs<'streams.tail.start'>): Promise<{ tailId: string }> {
    if (this.tails.size >= MAX_TAILS) {
      throw new HandlerError('conflict', `at most ${MAX_TAILS} live tails at once; stop one first`)
    }
    const type = await this.redis.type(args.stream)
    if (type !== 'stream' && type !== 'none') {
      throw new HandlerError('invalid_request', `${args.stream} is a ${type}, not a stream`)
    }
    // '$' is pinned to a concrete id now, so a reconnect or resume never skips entries.
    let fromId = args.fromId
    if (fromId === '$') {
      const [newest] = await this.redis.xrevrange(args.stream, '+', '-', 'COUNT', 1)
      fromId = newest?.[0] ?? '0-0'
    }
    const tailId = randomUUID()
    const session = new TailSession(
      tailId, args.stream, fromId, this.createBlockingClient(), this.push, this.pushIntervalMs, this.onError,
    )
    this.tails.set(tailId, session)
    session.start()
    return { tailId }
  }

  async stop(tailId: string): Promise<null> {
    const session = this.tails.get(tailId)
    if (!session) throw new HandlerError('not_found', `no live tail ${tailId}`)
    this.tails.delete(tailId)
    await session.stop()
    return null
  }

  async stopAll(): Promise<void> {
    const sessions = [...this.tails.values()]
    this.tails.clear()
    await Promise.all(sessions.map((s) => s.stop()))
  }
}
