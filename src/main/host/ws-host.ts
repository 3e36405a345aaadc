import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { MAX_WS_FRAME_BYTES } from '@shared/ws-protocol'
import type { Dispatch } from '../api/dispatch'
import type { EventBus } from '../app/event-bus'
import { WatchCounts, type ClientResources } from './client-resources'
import { securityHeaders } from './security-headers'
import { readStatic } from './static-files'
import { newToken, tokenMatches } from './token'
import { serveClient, type ClientOutput } from './ws-client'

/** Bound on simultaneous WebSocket clients. */
export const MAX_WS_CLIENTS = 32
export const WS_PATH = '/ws'
/** Set with the page so its own assets load without the token in every URL. */
const SESSION_COOKIE = 'switchyard_token'

export interface WsHostOptions {
  dispatch: Dispatch
  bus: EventBus
  /** The built renderer (out/renderer). */
  staticDir: string
  /** Default 0: a free port. */
  port?: number
  /** Default: 32 fresh random bytes. */
  token?: string
  /** Told when a client has gone and its tails and watches are released (tests, logs). */
  onClientReleased?: (resources: ClientResources, output: ClientOutput) => void
}

export interface WsHost {
  readonly port: number
  readonly token: string
  /** http://127.0.0.1:PORT/?token=… */
  readonly url: string
  close(): Promise<void>
}

/** HTTP + WebSocket on 127.0.0.1 only; every page, socket and request needs the token. */
export async function startWsHost(options: WsHostOptions): Promise<WsHost> {
  const token = options.token ?? newToken()
  // UTF-8 is checked per frame by the client code, which answers instead of closing.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_FRAME_BYTES, skipUTF8Validation: true })
  const watchCounts = new WatchCounts()
  const server = createServer()
  let port = 0
  const origin = () => `http://127.0.0.1:${port}`
  const headers = () => securityHeaders(`'self' ws://127.0.0.1:${port}`)
  // DNS rebinding guard: only our own loopback names may address us.
  const hostAllowed = (req: IncomingMessage) => req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void handleRequest(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, headers())
      res.end()
    })
  })
  // A malformed request or a reset socket must not reach the process's error handler.
  server.on('clientError', (_error: Error, socket: Duplex) => {
    if (socket.writable) socket.end(rawRefusal('400 Bad Request', headers()))
    else socket.destroy()
  })

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin())
    const refuse = (status: number, message: string) => {
      res.writeHead(status, { ...headers(), 'Content-Type': 'text/plain; charset=utf-8' })
      res.end(`${message}\n`)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405, 'method not allowed')
    if (!hostAllowed(req)) return refuse(403, 'wrong Host header')
    const isPage = url.pathname === '/' || url.pathname === '/index.html'
    const given = isPage ? url.searchParams.get('token') : cookieToken(req.headers.cookie)
    if (!tokenMatches(token, given)) return refuse(401, 'token required: open the URL Switchyard printed')
    const file = await readStatic(options.staticDir, url.pathname)
    if (!file) return refuse(404, isPage ? 'renderer not built: run npm run build' : 'not found')
    const answer: Record<string, string> = { ...headers(), 'Content-Type': file.type }
    if (isPage) answer['Set-Cookie'] = `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`
    res.writeHead(200, answer)
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', origin())
    const originHeader = req.headers.origin
    socket.on('error', () => socket.destroy()) // a peer that resets mid-handshake
    const refused = (status: string) => {
      socket.end(rawRefusal(status, headers()))
    }
    if (url.pathname !== WS_PATH || !hostAllowed(req)) return refused('404 Not Found')
    if (!tokenMatches(token, url.searchParams.get('token'))) return refused('401 Unauthorized')
    // Browsers always send Origin: another site's page must not reach us even with a leaked token.
    if (originHeader !== undefined && originHeader !== origin() && originHeader !== `http://localhost:${port}`) {
      return refused('403 Forbidden')
    }
    if (wss.clients.size >= MAX_WS_CLIENTS) return refused('503 Service Unavailable')
    wss.handleUpgrade(req, socket, head, (ws) =>
      serveClient(ws, { token, dispatch: options.dispatch, bus: options.bus, watchCounts, ...hooks(options) }),
    )
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : 0

  let closing: Promise<void> | null = null
  return {
    port,
    token,
    url: `${origin()}/?token=${token}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate()
        wss.close()
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closing
    },
  }
}

/** An HTTP answer written straight to a socket (upgrade refusals, malformed requests). */
function rawRefusal(status: string, headers: Record<string, string>): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`)
  return [`HTTP/1.1 ${status}`, 'Connection: close', 'Content-Length: 0', ...lines, '', ''].join('\r\n')
}

const hooks = (options: WsHostOptions) => (options.onClientReleased ? { onReleased: options.onClientReleased } : {})

function cookieToken(cookie: string | undefined): string | null {
  if (!cookie) return null
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === SESSION_COOKIE) return rest.join('=')
  }
  return null
}
