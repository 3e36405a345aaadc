import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { AppSession } from '../../../src/main/app/app-session'
import { createSessionDispatcher } from '../../../src/main/app/control-handlers'
import { noSecretStore } from '../../../src/main/app/secret-store'
import type { ClientResources } from '../../../src/main/host/client-resources'
import type { ClientOutput } from '../../../src/main/host/ws-client'
import { startWsHost, type WsHost } from '../../../src/main/host/ws-host'
import type { Dispatch } from '../../../src/main/api/dispatch'
import { startTestRedis, type TestRedis } from '../../support/redis'

export type Frame = Record<string, unknown>

export interface HostFixture {
  redis: TestRedis
  session: AppSession
  dispatch: Dispatch
  host: WsHost
  dir: string
  released: ClientResources[]
  /** Each gone client's output queue, in the order they went. */
  outputs: ClientOutput[]
  wsUrl: string
  close(): Promise<void>
}

/** A session on its own redis-server, served by a headless host over a stub renderer folder. */
export async function startHostFixture(env: NodeJS.ProcessEnv = {}): Promise<HostFixture> {
  const redis = await startTestRedis()
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-host-'))
  const staticDir = join(dir, 'renderer')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Switchyard</title>')
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  const session = new AppSession({
    dataDir: join(dir, 'data'),
    secrets: noSecretStore,
    env: { REDIS_URL: redis.url, SWITCHYARD_AGENTS: 'none', ...env },
  })
  await session.start()
  const dispatch = createSessionDispatcher(session)
  const released: ClientResources[] = []
  const outputs: ClientOutput[] = []
  const onClientReleased = (r: ClientResources, output: ClientOutput) => (released.push(r), outputs.push(output))
  const host = await startWsHost({ dispatch, bus: session.bus, staticDir, onClientReleased })
  return {
    redis,
    session,
    dispatch,
    host,
    dir,
    released,
    outputs,
    wsUrl: `ws://127.0.0.1:${host.port}/ws?token=${host.token}`,
    async close() {
      await host.close()
      await session.close()
      await redis.cleanup()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** An open socket, or the HTTP status that refused it. */
export function openSocket(url: string, headers?: Record<string, string>): Promise<{ ws: WebSocket } | { status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, headers ? { headers } : undefined)
    ws.once('open', () => resolve({ ws }))
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }))
    ws.once('error', () => resolve({ status: 0 }))
  })
}

export async function mustOpen(url: string): Promise<WebSocket> {
  const opened = await openSocket(url)
  if (!('ws' in opened)) throw new Error(`socket refused: ${opened.status}`)
  return opened.ws
}

export const nextFrame = (ws: WebSocket) =>
  new Promise<Frame>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)) as Frame)))

/** One request over a socket, answered by id (events in between are skipped). */
export function call(ws: WebSocket, token: string, id: number, method: string, args: unknown): Promise<Frame> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(String(data)) as Frame
      if (frame.type !== 'result' || frame.id !== id) return
      ws.off('message', onMessage)
      resolve(frame)
    }
    ws.on('message', onMessage)
    ws.send(JSON.stringify({ type: 'call', id, token, method, args }))
  })
}

export const closed = (ws: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
