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
    rawPort = host.port
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

  it('puts nosniff, CSP and no-store on every answer, refusals included', async () => {
    const page = await fetch(host.url)
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const answers = [
      page,
      await fetch(`${base}/`), // 401
      await fetch(`${base}/nothing-here.js`, { headers: { cookie } }), // 404
      await fetch(`${base}/`, { method: 'POST' }), // 405
    ]
    expect(answers.map((a) => a.status)).toEqual([200, 401, 404, 405])
    const raw = [
      await rawAnswer(`GET /?token=${host.token} HTTP/1.1\r\nHost: evil.example:${host.port}\r\nConnection: close\r\n\r\n`), // 403 Host
      await rawAnswer(upgrade('/ws', `127.0.0.1:${host.port}`)), // 401 socket without token
      await rawAnswer(upgrade(`/ws?token=${host.token}`, `127.0.0.1:${host.port}`, 'http://evil.example')), // 403 Origin
      await rawAnswer(upgrade(`/other?token=${host.token}`, `127.0.0.1:${host.port}`)), // 404
      await rawAnswer('NOT HTTP AT ALL\r\n\r\n'), // 400
    ]
    expect(raw.map((r) => r.status)).toEqual([403, 401, 403, 404, 400])
    for (const headers of [...answers.map((a) => Object.fromEntries(a.headers)), ...raw.map((r) => r.headers)]) {
      expect(headers['x-content-type-options']).toBe('nosniff')
      expect(headers['content-security-policy']).toContain("default-src 'self'")
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(headers['cache-control']).toBe('no-store')
    }
  })
})

function upgrade(path: string, hostHeader: string, origin?: string): string {
  const lines = [`GET ${path} HTTP/1.1`, `Host: ${hostHeader}`, 'Upgrade: websocket', 'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13']
  if (origin) lines.push(`Origin: ${origin}`)
  return `${lines.join('\r\n')}\r\n\r\n`
}

/** Sends raw bytes to the host and parses the status line and headers of what comes back. */
let rawPort = 0
function rawAnswer(text: string): Promise<{ status: number; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: rawPort })
    let got = ''
    socket.on('data', (chunk) => (got += chunk.toString()))
    socket.once('error', reject)
    socket.once('close', () => {
      const [head = ''] = got.split('\r\n\r\n')
      const [statusLine = '', ...lines] = head.split('\r\n')
      const headers: Record<string, string> = {}
      for (const line of lines) {
        const at = line.indexOf(':')
        if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim()
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers })
    })
    socket.write(text)
  })
}
