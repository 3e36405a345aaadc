import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const BIN = join(import.meta.dirname, '../../bin/switchyard.js')
const OUTPUT_KEEP_CHARS = 8_000

export interface Child {
  name: string
  process: ChildProcess
  output(): string
  /** Resolves with the first stdout line matching, or rejects when the process ends first. */
  ready: Promise<string>
  stop(): Promise<void>
}

/** `node bin/switchyard.js <args>` in its own process, ready when a line matches. */
export function spawnSwitchyard(name: string, args: string[], env: NodeJS.ProcessEnv, readyLine: RegExp, nodeFlags: string[] = []): Child {
  const child = spawn(process.execPath, [...nodeFlags, BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_KEEP_CHARS))
  child.stderr?.on('data', keep)
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk)
      const line = output.split('\n').find((l) => readyLine.test(l))
      if (line) resolve(line)
    })
    child.once('exit', (code, signal) => reject(new Error(`${name} exited (${signal ?? code}) before ready:\n${output}`)))
  })
  ready.catch(() => undefined)
  return {
    name,
    process: child,
    output: () => output,
    ready,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000)
        child.once('exit', () => (clearTimeout(killer), resolve()))
        child.kill('SIGTERM')
      }),
  }
}

/** Resident memory of a process in MiB, from /proc (Linux). */
export function rssMiB(pid: number | undefined): number {
  if (!pid) return Number.NaN
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1])
    return Math.round((kb / 1024) * 10) / 10
  } catch {
    return Number.NaN
  }
}

/** A stand-in renderer folder: the host only needs an index.html to serve. */
export function stubRenderer(dir: string): string {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchyard soak</title>')
  return dir
}
