import { afterAll, beforeAll } from 'vitest'
import { lateBound } from '../../support/late-bound'
import { startTestRedis } from '../../support/redis'
import { Redis } from 'ioredis'
import type { RedisClient } from '../../../src/main/redis/client-type'
import type { EventOf, EventPublisher, Topic } from '@shared/api'
import { createDispatcher } from '../../../src/main/api/dispatch'
import type { ControlHandlers, HandlerGroup } from '../../../src/main/api/handler-types'
import type { AgentMethod, ConnectionMethod } from '../../../src/main/api/method-groups'
import { createInspectorHandlers, Inspector, type InspectorOptions } from '../../../src/main/inspector'
import { unwrap, type Result } from '@shared/result'
import type { Method, RequestInput, ResponseOf } from '@shared/api'

/** Everything the inspector pushed, per topic, in order. */
export class EventLog {
  readonly events: { [T in Topic]?: Array<EventOf<T>> } = {}
  readonly publish: EventPublisher = (topic, payload) => {
    const list = (this.events[topic] ??= []) as Array<typeof payload>
    list.push(payload)
  }
  of<T extends Topic>(topic: T): Array<EventOf<T>> {
    return (this.events[topic] ?? []) as Array<EventOf<T>>
  }
}

const notHere = async (): Promise<never> => {
  throw new Error('not part of the inspector')
}

/**
 * An inspector on a test Redis, reached through the real dispatcher so every
 * call is validated and errors come back as the renderer sees them.
 */
export function createHarness(url: string, overrides: Partial<InspectorOptions> = {}) {
  return createHarnessOn(() => new Redis(url, { maxRetriesPerRequest: null }), overrides)
}

/** The same on any connection: `connect` makes the shared client, the test's own clients and the blocking ones (a Cluster's too). */
export function createHarnessOn<C extends RedisClient>(connect: () => C, overrides: Partial<InspectorOptions> = {}) {
  const clients: RedisClient[] = []
  const client = (): C => {
    const c = connect()
    clients.push(c)
    return c
  }
  const redis = client()
  const log = new EventLog()
  const inspector = new Inspector({
    redis,
    createBlockingClient: connect,
    publish: log.publish,
    connectionLabel: 'redis://127.0.0.1/test',
    ...overrides,
  })
  const others: HandlerGroup<ConnectionMethod | AgentMethod> = {
    'connection.status': notHere, 'connection.test': notHere, 'connection.connect': notHere,
    'connection.useEmbedded': notHere, 'connection.saved': notHere, 'connection.forget': notHere, 'connection.nodes': notHere,
    'agents.roles': notHere, 'agents.list': notHere, 'agents.start': notHere, 'agents.stop': notHere,
    'agents.scale': notHere, 'agents.broadcast': notHere,
    'agents.module': notHere, 'agents.setModule': notHere, 'agents.reload': notHere,
  }
  const handlers: ControlHandlers = { ...others, ...createInspectorHandlers(() => inspector) }
  const dispatch = createDispatcher(handlers)
  const call = <M extends Method>(method: M, args: RequestInput<M>): Promise<Result<ResponseOf<M>>> =>
    dispatch(method, args) as Promise<Result<ResponseOf<M>>>
  const ok = async <M extends Method>(method: M, args: RequestInput<M>): Promise<ResponseOf<M>> => unwrap(await call(method, args))
  return {
    redis,
    /** A separate plain client, like redis-cli or an agent in another language. */
    client,
    log,
    inspector,
    call,
    ok,
    async close(): Promise<void> {
      await inspector.close()
      await Promise.all(clients.map((c) => c.quit().catch(() => undefined)))
    },
  }
}
export type Harness<C extends RedisClient = Redis> = ReturnType<typeof createHarnessOn<C>>

/** For one test file: a redis-server of its own and a harness on it, both closed afterwards. */
export function useHarness(overrides: Partial<InspectorOptions> = {}): { server: TestRedis; h: Harness } {
  let server: TestRedis | undefined
  let h: Harness | undefined
  beforeAll(async () => {
    server = await startTestRedis()
    h = createHarness(server.url, overrides)
  })
  afterAll(async () => {
    await h?.close()
    await server?.cleanup()
  })
  return { server: lateBound(() => server, 'server'), h: lateBound(() => h, 'harness') }
}
type TestRedis = Awaited<ReturnType<typeof startTestRedis>>
