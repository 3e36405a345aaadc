import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Redis } from 'ioredis'
import { ENVELOPE_FIELD, type Envelope } from '@shared/envelope'
import { resultList, roleStream } from '@shared/keys'
import { REPO_ROOT } from '../../support/built-package'

/** Bound on the output a test keeps of one process (for failure messages). */
const OUTPUT_KEEP_CHARS = 8_000

/** The seed's ShoutAgent, as a user writes it in an ES module. */
export const SHOUT_MJS = `import { BaseAgent } from 'switchyard'

export class ShoutAgent extends BaseAgent {
  process(env) {
    env.payload.text = String(env.payload.text).toUpperCase() + '!'
    return env
  }
}
`

/** The same in TypeScript, types and all: loaded with no build step. */
export const SHOUT_TS = `import { BaseAgent, type Envelope } from 'switchyard'

interface Shouted { text: string }

export class ShoutAgent extends BaseAgent {
  private readonly suffix: string = '!'
  process(env: Envelope): Envelope {
    const shouted: Shouted = { text: String(env.payload.text).toUpperCase() + this.suffix }
    env.payload.text = shouted.text
    return env
  }
}
`

export interface UserProject {
  dir: string
  write(name: string, text: string): string
  cleanup(): void
}

/**
 * A user's folder with switchyard "installed" the way npm 11 installs a
 * checkout (a symlink node_modules/switchyard → the checkout; the checked
 * literally in installed-package.test.ts). Cheap enough for every test file.
 */
export function linkedProject(packageJson: Record<string, unknown> = { name: 'user-project', version: '1.0.0', type: 'commonjs' }): UserProject {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-user-'))
  mkdirSync(join(dir, 'node_modules'))
  symlinkSync(REPO_ROOT, join(dir, 'node_modules', 'switchyard'), 'dir')
  writeFileSync(join(dir, 'package.json'), JSON.stringify(packageJson, null, 2))
  return projectAt(dir)
}

export function projectAt(dir: string): UserProject {
  return {
    dir,
    write(name, text) {
      const file = join(dir, name)
      writeFileSync(file, text)
      return file
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}

export interface CliProcess {
  child: ChildProcess
  output(): string
  /** Resolves once the output shows `readyText`; rejects if the process ends first. */
  ready: Promise<void>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** A command run as a user runs it, in their folder, with output kept for assertions. */
export function runCli(command: string, args: string[], options: { cwd: string; env: Record<string, string>; readyText?: string }): CliProcess {
  // Its own process group, so that cleanup reaches what npx starts under it.
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  const readyText = options.readyText ?? 'worker ready'
  let onData: () => void = () => undefined
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEEP_CHARS)
    onData()
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const ready = new Promise<void>((resolve, reject) => {
    onData = () => {
      if (output.includes(readyText)) resolve()
    }
    void exited.then(({ code }) => reject(new Error(`exited (${code}) before "${readyText}": ${output}`)))
  })
  ready.catch(() => undefined)
  return { child, output: () => output, ready, exited }
}

/** Stops what a test left running: each process's whole group (npx → sh → node). */
export async function killAll(processes: CliProcess[]): Promise<void> {
  for (const p of processes.splice(0)) {
    try {
      if (p.child.pid) process.kill(-p.child.pid, 'SIGKILL')
    } catch {
      // the group is gone already
    }
    await p.exited
  }
}

/** An envelope sent the way an agent of any language does (XADD of the seed's fields), and its result (BRPOP). */
export async function roundTrip(client: Redis, role: string, text: string, timeoutSec = 20): Promise<Envelope> {
  const messageId = `check:${randomUUID()}`
  const envelope = { conversation_id: 'check', message_id: messageId, sender_role: 'external', kind: 'task', payload: { text } }
  await client.xadd(roleStream(role), '*', ENVELOPE_FIELD, JSON.stringify(envelope))
  const reply = await client.brpop(resultList(messageId), timeoutSec)
  if (!reply) throw new Error(`no result for ${messageId} on ${resultList(messageId)} within ${timeoutSec} s`)
  return JSON.parse(reply[1]) as Envelope
}
