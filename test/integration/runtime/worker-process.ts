import { spawn, type ChildProcess } from 'node:child_process'
import { BIN } from '../../support/built-package'

/** Bound on the output a test keeps of one worker (for failure messages). */
const OUTPUT_KEEP_CHARS = 8_000

export interface WorkerProcess {
  child: ChildProcess
  output(): string
  ready: Promise<void>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** `node bin/switchyard.js worker ...` (the built CLI) as a separate process, resolved once it prints its ready line. */
export function spawnWorker(args: string[], env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, [BIN, 'worker', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEEP_CHARS)
  }
  // The ready line comes through the logger, on stderr.
  child.stderr?.on('data', (chunk: Buffer) => {
    keep(chunk)
    if (output.includes('worker ready')) readyNow?.()
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  let readyNow: (() => void) | null = null
  const ready = new Promise<void>((resolve, reject) => {
    readyNow = resolve
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk)
      if (output.includes('worker ready')) resolve()
    })
    void exited.then(({ code }) => reject(new Error(`worker exited (${code}) before ready: ${output}`)))
  })
  ready.catch(() => undefined)
  return { child, output: () => output, ready, exited }
}
