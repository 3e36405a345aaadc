import WebSocket from 'ws'
import { expect, test } from '../support/fixtures'

/** Opens a socket and resolves with what happened first: open, or the refusal's HTTP status. */
function tryOpen(url: string): Promise<{ opened: WebSocket } | { status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url)
    ws.once('open', () => resolve({ opened: ws }))
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }))
    ws.once('error', () => resolve({ status: 0 }))
  })
}

function nextFrame(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)) as Record<string, unknown>)))
}

test('the page is refused without the token, and with a wrong one', async ({ request, app }) => {
  expect((await request.get(`${app.origin}/`)).status()).toBe(401)
  expect((await request.get(`${app.origin}/?token=wrong`)).status()).toBe(401)
  expect((await request.get(app.url)).status()).toBe(200)
})

test('the socket is refused without the token', async ({ app }) => {
  const outcome = await tryOpen(`ws://${new URL(app.url).host}/ws`)
  expect(outcome).toEqual({ status: 401 })
})

test('a request without the token closes the socket; one with invalid arguments names the field', async ({ app }) => {
  const wsUrl = `ws://${new URL(app.url).host}/ws?token=${app.token}`
  const first = await tryOpen(wsUrl)
  if (!('opened' in first)) throw new Error(`socket refused: ${first.status}`)
  const ws = first.opened
  const answer = nextFrame(ws)
  ws.send(JSON.stringify({ type: 'call', id: 1, token: app.token, method: 'agents.start', args: { role: 'manager', instances: 0 } }))
  const frame = await answer
  expect(frame).toMatchObject({ type: 'result', id: 1, result: { ok: false, error: { code: 'invalid_request' } } })
  expect(JSON.stringify(frame)).toContain('instances')

  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
  ws.send(JSON.stringify({ type: 'call', id: 2, token: 'wrong', method: 'connection.status', args: {} }))
  expect(await closed).toBe(4401)
})

test('refusals carry nosniff and the CSP like the page does', async ({ request, app }) => {
  for (const url of [`${app.origin}/`, `${app.origin}/?token=wrong`, `${app.origin}/assets/none.js`, app.url]) {
    const answer = await request.get(url)
    expect(answer.headers()['x-content-type-options'], url).toBe('nosniff')
    expect(answer.headers()['content-security-policy'], url).toContain("frame-ancestors 'none'")
  }
})

test('a frame over 1 MiB and one of invalid UTF-8 leave the host serving', async ({ app }) => {
  const wsUrl = `ws://${new URL(app.url).host}/ws?token=${app.token}`
  const big = await tryOpen(wsUrl)
  if (!('opened' in big)) throw new Error(`socket refused: ${big.status}`)
  const closed = new Promise<number>((resolve) => big.opened.once('close', (code) => resolve(code)))
  big.opened.send(JSON.stringify({ type: 'call', id: 1, token: app.token, method: 'connection.status', args: { pad: 'x'.repeat(1024 * 1024) } }))
  expect(await closed).toBe(1009)

  const next = await tryOpen(wsUrl)
  if (!('opened' in next)) throw new Error(`host gone after a big frame: ${next.status}`)
  const ws = next.opened
  const error = nextFrame(ws)
  ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false })
  expect(await error).toEqual({ type: 'error', message: 'frame is not valid UTF-8 text' })
  const answer = nextFrame(ws)
  ws.send(JSON.stringify({ type: 'call', id: 2, token: app.token, method: 'connection.status', args: {} }))
  expect(await answer).toMatchObject({ type: 'result', id: 2, result: { ok: true } })
  ws.close()
})
