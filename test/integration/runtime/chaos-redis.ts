import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { canConnect } from '../../../src/main/redis/embedded-redis'
import { freePort } from '../../../src/main/redis/free-port'
import { waitFor } from '../../support/wait'

/**
 * A redis-server for breaking on purpose: append-only with fsync on every
 * write (so a SIGKILL loses nothing Redis acknowledged), DEBUG allowed from
 * loopback, and restartable on the same port and data folder.
 */
export class ChaosRedis {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'switchyard-chaos-redis-'))
  port = 0
  private child: ChildProcess | null = null

  get url(): string {
    return `redis://127.0.0.1:${this.port}`
  }

  async start(): Promise<void> {
    this.port ||= await freePort()
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dataDir, '--appendonly', 'yes',
      '--appendfsync', 'always', '--save', '', '--enable-debug-command', 'local', '--loglevel', 'warning']
    this.child = spawn('redis-server', args, { stdio: 'ignore' })
    await waitFor(`redis-server on ${this.port}`, () => canConnect(this.port), 15_000)
  }

  /** SIGTERM (a clean SHUTDOWN) or SIGKILL; resolves once the process is gone. */
  async kill(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill(signal)
    await gone
    this.child = null
  }

  async cleanup(): Promise<void> {
    await this.kill('SIGKILL')
    rmSync(this.dataDir, { recursive: true, force: true })
  }
}

