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
  ws.send(JSON.stringify({ type: 'call', id: 1, token: app.token, method: 'agents.start', args: { role: 'nobody' } }))
  const frame = await answer
  expect(frame).toMatchObject({ type: 'result', id: 1, result: { ok: false, error: { code: 'invalid_request' } } })
  expect(JSON.stringify(frame)).toContain('role')

  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
  ws.send(JSON.stringify({ type: 'call', id: 2, token: 'wrong', method: 'connection.status', args: {} }))
  expect(await closed).toBe(4401)
})
