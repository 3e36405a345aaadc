import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { AppSession } from '../../../src/main/app/app-session'
import { createSessionDispatcher } from '../../../src/main/app/control-handlers'
import { noSecretStore } from '../../../src/main/app/secret-store'
import { startWsHost, WS_PATH, type WsHost } from '../../../src/main/host/ws-host'
import { createWsTransport } from '../../../src/renderer/src/boot/ws-transport'
import { startTestRedis } from '../../support/redis'
import { waitFor } from '../../support/wait'

/** ws in the browser's place, keeping each socket the transport opens so the test can see when one has closed. */
const sockets: WebSocket[] = []
class ObservedWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    sockets.push(this)
  }
}

/** A socket that never connects: swapped in at the end so the transport's retry loop stops here. */
class NeverConnects {
  static readonly OPEN = 1
  readyState = 0
}

describe('the browser transport, when the headless host goes away and comes back', () => {
  let redis: Awaited<ReturnType<typeof startTestRedis>>
  let session: AppSession
  let dir: string
  let staticDir: string
  const hosts: WsHost[] = []
  const startHost = async (port?: number, token?: string) => {
    const host = await startWsHost({ dispatch: createSessionDispatcher(session), bus: session.bus, staticDir, port, token })
    hosts.push(host)
    return host
  }

  beforeAll(async () => {
    // The transport is the renderer's code; Node 20 has no global WebSocket, so ws plays the browser's.
    Object.assign(globalThis, { WebSocket: ObservedWebSocket })
    redis = await startTestRedis()
    dir = mkdtempSync(join(tmpdir(), 'switchyard-reconnect-'))
    staticDir = join(dir, 'renderer')
    mkdirSync(staticDir, { recursive: true })
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Switchyard</title>')
    session = new AppSession({ dataDir: join(dir, 'data'), secrets: noSecretStore, env: { REDIS_URL: redis.url, SWITCHYARD_AGENTS: 'none' } })
    await session.start()
  })
  afterAll(async () => {
    Object.assign(globalThis, { WebSocket: NeverConnects })
    for (const host of hosts) await host.close()
    await session?.close()
    await redis?.cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  it('answers a call made while it was down once it is back, and pushes the subscribed topic again', async () => {
    const first = await startHost()
    const api = createWsTransport(`ws://127.0.0.1:${first.port}${WS_PATH}`, first.token)
    const marks: unknown[] = []
    api.subscribe('connection', (payload) => marks.push((payload as { mark?: number }).mark))
    expect(await api.call('connection.status', {})).toMatchObject({ ok: true })
    await waitFor('the first push', () => (session.bus.publish('connection', { mark: 1 } as never), marks.includes(1)))

    await first.close()
    await waitFor('the page to see its socket closed', () => sockets.at(-1)?.readyState === WebSocket.CLOSED)
    const duringOutage = api.call('connection.status', {})
    const second = await startHost(first.port, first.token)
    expect(second.port).toBe(first.port)

    expect(await duringOutage).toMatchObject({ ok: true })
    await waitFor('a push after the reconnect (subscribed again)', () => (session.bus.publish('connection', { mark: 2 } as never), marks.includes(2)), 20_000)
  }, 60_000)
})
