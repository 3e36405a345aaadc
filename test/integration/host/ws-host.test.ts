import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { AppSession } from '../../../src/main/app/app-session'
import { createSessionDispatcher } from '../../../src/main/app/control-handlers'
import { noSecretStore } from '../../../src/main/app/secret-store'
import { startWsHost, type WsHost } from '../../../src/main/host/ws-host'
import { startTestRedis } from '../../support/redis'

type Frame = Record<string, unknown>

function open(url: string, headers?: Record<string, string>): Promise<{ ws: WebSocket } | { status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, headers ? { headers } : undefined)
    ws.once('open', () => resolve({ ws }))
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }))
    ws.once('error', () => resolve({ status: 0 }))
  })
}
const next = (ws: WebSocket) =>
  new Promise<Frame>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)) as Frame)))

describe('the headless WebSocket host', () => {
  let redis: Awaited<ReturnType<typeof startTestRedis>>
  let session: AppSession
  let host: WsHost
  let dir: string
  let base: string

  beforeAll(async () => {
    redis = await startTestRedis()
    dir = mkdtempSync(join(tmpdir(), 'switchyard-host-'))
    const staticDir = join(dir, 'renderer')
    mkdirSync(join(staticDir, 'assets'), { recursive: true })
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Switchyard</title>')
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer')
    session = new AppSession({ dataDir: join(dir, 'data'), secrets: noSecretStore, env: { REDIS_URL: redis.url, SWITCHYARD_AGENTS: 'none' } })
    await session.start()
    host = await startWsHost({ dispatch: createSessionDispatcher(session), bus: session.bus, staticDir })
    base = `http://127.0.0.1:${host.port}`
  })
  afterAll(async () => {
    await host?.close()
    await session?.close()
    await redis?.cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  it('serves the page only with the token, with a strict CSP', async () => {
    expect((await fetch(`${base}/`)).status).toBe(401)
    expect((await fetch(`${base}/?token=nope`)).status).toBe(401)
    const page = await fetch(host.url)
    expect(page.status).toBe(200)
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
    // Assets load with the page's HttpOnly cookie, never without it.
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(401)
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    expect((await fetch(`${base}/assets/app.js`, { headers: { cookie } })).status).toBe(200)
    expect((await fetch(`${base}/..%2Fsecret.txt`, { headers: { cookie } })).status).toBe(404)
  })

  it('listens on 127.0.0.1 only', async () => {
    const interfaces = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address)
    // 127.0.0.2 and ::1 exist on every Linux host (127/8 is all loopback): a host
    // listening on 0.0.0.0 or :: answers there even where no other interface exists.
    const others = ['127.0.0.2', '::1', ...interfaces]
    for (const address of others) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: host.port })
        socket.once('connect', () => (socket.destroy(), resolve(true)))
        socket.once('error', () => resolve(false))
      })
      expect(reached, `reachable on ${address}`).toBe(false)
    }
    // A foreign Host header (DNS rebinding) is refused even with the token.
    const status = await new Promise<number>((resolve, reject) => {
      const path = `/?token=${host.token}`
      const req = request({ host: '127.0.0.1', port: host.port, path, headers: { host: `evil.example:${host.port}` } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.once('error', reject)
      req.end()
    })
    expect(status).toBe(403)
  })

  it('refuses a socket without the token, or from another origin', async () => {
    const wsBase = `ws://127.0.0.1:${host.port}/ws`
    expect(await open(wsBase)).toEqual({ status: 401 })
    expect(await open(`${wsBase}?token=nope`)).toEqual({ status: 401 })
    expect(await open(`${wsBase}?token=${host.token}`, { origin: 'http://evil.example' })).toEqual({ status: 403 })
  })

  it('answers requests, names the bad field, and closes on a request without the token', async () => {
    const opened = await open(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`)
    if (!('ws' in opened)) throw new Error(`refused: ${opened.status}`)
    const { ws } = opened
    let answer = next(ws)
    ws.send(JSON.stringify({ type: 'call', id: 1, token: host.token, method: 'connection.status', args: {} }))
    expect(await answer).toMatchObject({ type: 'result', id: 1, result: { ok: true, value: { state: 'connected' } } })

    answer = next(ws)
    ws.send(JSON.stringify({ type: 'call', id: 2, token: host.token, method: 'streams.page', args: { stream: 's', count: 0 } }))
    const refused = (await answer) as { result: { ok: boolean; error: { code: string; message: string } } }
    expect(refused.result.ok).toBe(false)
    expect(refused.result.error.code).toBe('invalid_request')
    expect(refused.result.error.message).toContain('count')

    answer = next(ws)
    ws.send(JSON.stringify({ type: 'call', token: host.token, method: 'connection.status' }))
    expect(await answer).toMatchObject({ type: 'error' })

    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
    ws.send(JSON.stringify({ type: 'call', id: 3, method: 'connection.status', args: {} }))
    expect(await closed).toBe(4401)
  })

  it('pushes subscribed events to the client', async () => {
    const opened = await open(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`)
    if (!('ws' in opened)) throw new Error(`refused: ${opened.status}`)
    const { ws } = opened
    ws.send(JSON.stringify({ type: 'subscribe', token: host.token, topic: 'connection', on: true }))
    await expect.poll(() => session.bus.hasListeners('connection')).toBe(true)
    const event = next(ws)
    session.bus.publish('connection', session.status())
    expect(await event).toMatchObject({ type: 'event', topic: 'connection', payload: { state: 'connected' } })
    ws.close()
    await expect.poll(() => session.bus.hasListeners('connection')).toBe(false)
  })
})
