import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Redis } from 'ioredis'

/**
 * The embedded redis-server's lock: one per data folder, naming the server's
 * pid and port and the host process that started it. A second start reads it
 * to find the first server (reuse it while its host lives, stop it when the
 * host crashed) instead of running two servers on one append-only file.
 */
export const LOCK_FILE = 'switchyard-embedded.lock.json'
/** How long an orphaned server gets to exit on SIGTERM (it fsyncs its AOF) before SIGKILL. */
export const ORPHAN_STOP_MS = 5_000

export interface EmbeddedLock {
  hostPid: number
  redisPid: number
  port: number
}

export type LockFinding =
  | { kind: 'none' }
  /** Another live host runs a server on this folder: use it, do not own it. */
  | { kind: 'shared'; lock: EmbeddedLock }
  /** Its host is gone but the server runs on: stop it before starting ours. */
  | { kind: 'orphan'; lock: EmbeddedLock }

const lockPath = (dataDir: string) => join(dataDir, LOCK_FILE)

export function readLock(dataDir: string): EmbeddedLock | null {
  try {
    const lock = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as Partial<EmbeddedLock>
    const ok = [lock.hostPid, lock.redisPid, lock.port].every((n) => Number.isInteger(n) && (n as number) > 0)
    return ok ? (lock as EmbeddedLock) : null
  } catch {
    return null
  }
}

export function writeLock(dataDir: string, lock: EmbeddedLock): void {
  writeFileSync(lockPath(dataDir), `${JSON.stringify(lock)}\n`, { mode: 0o600 })
}

/** Removes the lock only if it still names this server (a newer start may have replaced it). */
export function removeLock(dataDir: string, redisPid: number): void {
  if (readLock(dataDir)?.redisPid === redisPid) rmSync(lockPath(dataDir), { force: true })
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Whether the server on the lock's port is the lock's pid (a reused pid or port is not ours). */
async function serverMatches(lock: EmbeddedLock): Promise<boolean> {
  const client = new Redis({ host: '127.0.0.1', port: lock.port, lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null })
  client.on('error', () => undefined)
  try {
    await client.connect()
    const info = await client.info('server')
    return new RegExp(`^process_id:${lock.redisPid}\\s*$`, 'm').test(info)
  } catch {
    return false
  } finally {
    client.disconnect()
  }
}

/** What the lock of a data folder says, with a stale lock (server gone) removed. */
export async function inspectLock(dataDir: string): Promise<LockFinding> {
  const lock = readLock(dataDir)
  if (!lock) return { kind: 'none' }
  if (processAlive(lock.redisPid) && (await serverMatches(lock))) {
    // Our own pid: another session of this process started it (a crashed host's pid is not ours).
    return processAlive(lock.hostPid) ? { kind: 'shared', lock } : { kind: 'orphan', lock }
  }
  rmSync(lockPath(dataDir), { force: true })
  return { kind: 'none' }
}

/** SIGTERM (redis-server flushes its AOF and exits), SIGKILL after ORPHAN_STOP_MS. */
export async function stopOrphan(dataDir: string, lock: EmbeddedLock): Promise<void> {
  const gone = () => !processAlive(lock.redisPid)
  try {
    process.kill(lock.redisPid, 'SIGTERM')
  } catch {
    // already gone
  }
  const deadline = Date.now() + ORPHAN_STOP_MS
  while (!gone() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  if (!gone()) {
    try {
      process.kill(lock.redisPid, 'SIGKILL')
    } catch {
      // gone meanwhile
    }
    while (!gone()) await new Promise((r) => setTimeout(r, 20))
  }
  removeLock(dataDir, lock.redisPid)
}
