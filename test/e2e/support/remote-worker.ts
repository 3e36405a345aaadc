import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BIN, ensurePackageBuilt } from '../../support/built-package'
import { REPO_ROOT } from './app'

/** Bound on the output kept of one worker (for failure messages). */
const OUTPUT_KEEP_CHARS = 8_000

export interface RemoteWorker {
  child: ChildProcess
  output(): string
  /** Resolves once the worker printed its ready line. */
  ready: Promise<void>
  /** SIGTERM and wait for the exit (the worker stops its agents and writes its statistics). */
  stop(): Promise<void>
}

/**
 * Another process, as a worker on another machine would be: `node
 * bin/switchyard.js worker --roles …` against the given Redis, with a short
 * heartbeat so the app sees its state changes quickly.
 */
export function startRemoteWorker(redisUrl: string, roles: string[]): RemoteWorker {
  ensurePackageBuilt()
  const statsDir = mkdtempSync(join(tmpdir(), 'switchyard-e2e-worker-'))
  const child = spawn(process.execPath, [BIN, 'worker', '--roles', roles.join(',')], {
    cwd: REPO_ROOT,
    env: { ...process.env, REDIS_URL: redisUrl, SWITCHYARD_HEARTBEAT_INTERVAL: '1', STATS_DIR: statsDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEEP_CHARS)
  }
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk)
      if (output.includes('worker ready')) resolve()
    })
    void exited.then(() => reject(new Error(`worker exited before ready: ${output}`)))
  })
  ready.catch(() => undefined)
  return {
    child,
    output: () => output,
    ready,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
      rmSync(statsDir, { recursive: true, force: true })
    },
  }
}
