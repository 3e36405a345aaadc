import { spawn } from 'node:child_process'
import { BIN } from '../../support/built-package'

/** A CLI run that has not ended by then is killed, so a hang fails the test instead of stalling it. */
const CLI_KILL_AFTER_MS = 45_000
const OUTPUT_KEEP_CHARS = 8_000

/** Runs `switchyard <args>` to its end: exit code and the tail of stdout + stderr. */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEEP_CHARS)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const killer = setTimeout(() => child.kill('SIGKILL'), CLI_KILL_AFTER_MS)
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(killer)
      resolve({ code, output })
    }),
  )
}
