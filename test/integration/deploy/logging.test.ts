import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestRedis, type TestRedis } from '../../support/redis'
import { waitFor } from '../../support/wait'
import { spawnWorker } from '../runtime/worker-process'
import { runCli } from './cli-run'

const PASSWORD = 'pa55-w0rd-never-logged'

const jsonLines = (file: string): Array<{ level: number; msg: string; part?: string }> =>
  readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { level: number; msg: string })

describe('seed 001 logging: LOG_LEVEL, LOG_DIR, DEBUG_LOG_FILE, INFO_LOG_FILE', () => {
  let redis: TestRedis
  let logDir: string

  beforeAll(async () => {
    redis = await startTestRedis()
    const admin = new Redis(redis.url)
    await admin.config('SET', 'requirepass', PASSWORD)
    admin.disconnect()
    logDir = mkdtempSync(join(tmpdir(), 'switchyard-logs-'))
  })
  afterAll(async () => {
    await redis?.cleanup()
    if (logDir) rmSync(logDir, { recursive: true, force: true })
  })

  it('a worker and a request write JSON lines at the chosen level to both files, and never the password', async () => {
    const env = {
      REDIS_URL: `redis://:${PASSWORD}@127.0.0.1:${redis.port}/0`,
      REDIS_PASSWORD: PASSWORD,
      LOG_LEVEL: 'DEBUG',
      LOG_DIR: logDir,
      DEBUG_LOG_FILE: 'worker-debug.log',
      INFO_LOG_FILE: 'worker-info.log',
      STATS_DIR: join(logDir, 'stats'),
    }
    const worker = spawnWorker(['--pipeline', 'demo'], env)
    try {
      await worker.ready
      const run = await runCli(['request', 'Hello, logs!'], env)
      expect(run.code).toBe(0)
      // A wrong password: its refusal is logged, the wrong one is not.
      const wrong = await runCli(['request', 'x'], { ...env, REDIS_URL: `redis://:wrong-${PASSWORD}@127.0.0.1:${redis.port}/0`, REDIS_PASSWORD: `wrong-${PASSWORD}` })
      expect(wrong.code).toBe(1)
      expect(wrong.output).not.toContain(PASSWORD)
    } finally {
      worker.child.kill('SIGTERM')
      await worker.exited
    }
    const debugFile = join(logDir, 'worker-debug.log')
    const infoFile = join(logDir, 'worker-info.log')
    await waitFor('both log files', () => existsSync(debugFile) && existsSync(infoFile))
    const debug = jsonLines(debugFile)
    const info = jsonLines(infoFile)
    expect(debug.some((l) => l.level === 20 && l.part === 'runtime')).toBe(true) // debug lines at LOG_LEVEL=DEBUG
    expect(info.some((l) => l.level === 30 && /worker ready on redis:\/\/127\.0\.0\.1/.test(l.msg))).toBe(true)
    expect(info.some((l) => /SIGTERM, stopping/.test(l.msg))).toBe(true)
    expect(info.every((l) => l.level >= 30)).toBe(true)
    for (const file of [debugFile, infoFile]) expect(readFileSync(file, 'utf8')).not.toContain(PASSWORD)
    expect(worker.output()).not.toContain(PASSWORD)
  })

  it('LOG_LEVEL=WARNING keeps info lines out of the files; a bad LOG_LEVEL is named', async () => {
    const dir = join(logDir, 'quiet')
    const env = { REDIS_URL: `redis://127.0.0.1:${redis.port}/0`, REDIS_PASSWORD: PASSWORD, LOG_LEVEL: 'WARNING', LOG_DIR: dir, STATS_DIR: join(dir, 'stats') }
    const worker = spawnWorker(['--roles', 'uppercase'], env)
    try {
      await worker.ready
    } finally {
      worker.child.kill('SIGTERM')
      await worker.exited
    }
    await waitFor('the info file', () => existsSync(join(dir, 'info.log')))
    expect(jsonLines(join(dir, 'info.log')).filter((l) => l.level < 40)).toEqual([])
    const bad = spawnWorker(['--roles', 'uppercase'], { ...env, LOG_LEVEL: 'LOUD' })
    try {
      await bad.ready
      expect(bad.output()).toMatch(/LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, got "LOUD"/)
    } finally {
      bad.child.kill('SIGTERM')
      await bad.exited
    }
  })
})
