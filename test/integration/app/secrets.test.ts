import { readdirSync, readFileSync, statSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { methods, requestSchemas, type Method } from '@shared/api'
import { AppSession } from '../../../src/main/app/app-session'
import { createSessionDispatcher } from '../../../src/main/app/control-handlers'
import { noSecretStore } from '../../../src/main/app/secret-store'
import { createLogger, setRootLogger } from '../../../src/main/log/logger'
import { startTestRedis, type TestRedis } from '../../support/redis'
import { waitFor } from '../../support/wait'

const PASSWORD = 'pw-Zq8!vX3#secret-canary'
const forms = [PASSWORD, encodeURIComponent(PASSWORD), Buffer.from(PASSWORD).toString('base64')]

/** Every output the process writes while the test runs: the logger (at debug), console, stdout, stderr. */
function captureOutput(): { text(): string; restore(): void; logTo(dir: string): void } {
  let text = ''
  const writes = [process.stdout, process.stderr].map((stream) => {
    const original = stream.write.bind(stream)
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      text += String(chunk)
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest)
    }) as typeof stream.write
    return () => (stream.write = original)
  })
  const levels = ['log', 'info', 'warn', 'error', 'debug'] as const
  const originals = levels.map((level) => console[level])
  for (const level of levels) {
    const original = console[level]
    console[level] = (...args: unknown[]) => {
      text += `${args.map(String).join(' ')}\n`
      original(...args)
    }
  }
  return {
    text: () => text,
    // The logger writes to fd 2 directly (not through process.stderr): give it a terminal that keeps the lines, and its files.
    logTo(dir: string) {
      const terminal = { write: (line: string) => void (text += line) }
      setRootLogger(createLogger({ level: 'debug', dir, debugFile: 'debug.log', infoFile: 'info.log' }, terminal))
    },
    restore() {
      writes.forEach((undo) => undo())
      levels.forEach((level, i) => (console[level] = originals[i]!))
    },
  }
}

/** Every key and every value in the Redis, as one text. */
async function dumpRedis(client: Redis): Promise<string> {
  const parts: string[] = []
  let cursor = '0'
  do {
    const [next, keys] = await client.scan(cursor, 'COUNT', 500)
    cursor = next
    for (const key of keys) {
      const type = await client.type(key)
      parts.push(key)
      if (type === 'string') parts.push((await client.getBuffer(key))?.toString('latin1') ?? '')
      if (type === 'list') parts.push(...(await client.lrangeBuffer(key, 0, -1)).map((b) => b.toString('latin1')))
      if (type === 'hash') parts.push(...Object.entries(await client.hgetall(key)).flat())
      if (type === 'set') parts.push(...(await client.smembers(key)))
      if (type === 'zset') parts.push(...(await client.zrange(key, '0', '-1')))
      if (type === 'stream') parts.push(JSON.stringify(await client.xrange(key, '-', '+')))
    }
  } while (cursor !== '0')
  return parts.join('\n')
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('with a requirepass Redis the password shows up nowhere', () => {
  let redis: TestRedis
  let admin: Redis
  let session: AppSession
  let dataDir: string
  const output = captureOutput()

  beforeAll(async () => {
    redis = await startTestRedis()
    admin = new Redis(redis.url)
    await admin.config('SET', 'requirepass', PASSWORD)
    await admin.auth(PASSWORD)
    dataDir = mkdtempSync(join(tmpdir(), 'switchyard-secrets-'))
    output.logTo(join(dataDir, 'logs'))
    const url = `redis://:${encodeURIComponent(PASSWORD)}@127.0.0.1:${redis.port}/0`
    session = new AppSession({ dataDir, secrets: noSecretStore, env: { REDIS_URL: url, SWITCHYARD_AGENTS: 'demo', REPORT_INTERVAL_SECONDS: '1' } })
    await session.start()
  }, 60_000)
  afterAll(async () => {
    output.restore()
    await session?.close()
    admin?.disconnect()
    await redis?.cleanup()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('the scan itself finds the password where it is (so a clean result means something)', async () => {
    await admin.hset('canary:hash', 'f', `x${PASSWORD}x`)
    expect((await dumpRedis(admin)).includes(PASSWORD)).toBe(true)
    await admin.del('canary:hash')
    expect((await dumpRedis(admin)).includes(PASSWORD)).toBe(false)
  })

  it('not in logs, statistics, Redis keys and values, ControlApi answers, or files of the data folder', async () => {
    const dispatch = createSessionDispatcher(session)
    await waitFor('connected', () => session.status().state === 'connected', 20_000)
    const result = await session.runtime()!.request('conv-secret', 'Hello, world!', { timeoutMs: 20_000 })
    expect(result.payload.text).toBe('!DLROW ,OLLEH')
    // A wrong password and a saved connection: both paths that handle one.
    const wrong = await dispatch('connection.test', { url: `redis://127.0.0.1:${redis.port}/0`, password: `${PASSWORD}-wrong` })
    expect(wrong.ok).toBe(false)
    const saved = await dispatch('connection.connect', { url: `redis://127.0.0.1:${redis.port}/0`, password: PASSWORD, save: true, name: 'secured' })
    expect(saved).toMatchObject({ ok: true, value: { state: 'connected' } })
    await waitFor('connected again', () => session.status().state === 'connected', 20_000)
    await waitFor('a statistics file', () => filesUnder(dataDir).some((f) => f.includes('stats')), 30_000)

    // Every request whose arguments can be empty: its answer, ok or not.
    const answers: string[] = [JSON.stringify(wrong), JSON.stringify(saved)]
    for (const method of methods) {
      if (/^connection\.(connect|useEmbedded|forget)$/.test(method)) continue
      if (!requestSchemas[method as Method].safeParse({}).success) continue
      answers.push(JSON.stringify(await dispatch(method, {})))
    }
    const files = filesUnder(dataDir).map((f) => `${f}\n${readFileSync(f).toString('latin1')}`)
    const places = {
      output: output.text(),
      redis: await dumpRedis(admin),
      answers: answers.join('\n'),
      files: files.join('\n'),
    }
    expect(files.length).toBeGreaterThan(0)
    expect(files.some((f) => f.includes('debug.log')), 'the logger wrote its file').toBe(true)
    expect(places.output, 'the logger wrote lines').toMatch(/Redis redis:\/\/127\.0\.0\.1/)
    for (const [where, text] of Object.entries(places)) {
      for (const form of forms) expect(text.includes(form), `password (${form === PASSWORD ? 'plain' : 'encoded'}) in ${where}`).toBe(false)
    }
  }, 90_000)
})
