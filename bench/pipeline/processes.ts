import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on Linux everywhere that matters). */
const TICKS_PER_SECOND = 100

export interface SystemProcess {
  /** Milliseconds from spawn to its "ready" line. */
  readyMs: number
  /** CPU seconds (user + system) of the process and its descendants so far. */
  cpuSeconds(): number
  stop(): Promise<void>
}

/** Starts a system under test in its own process and resolves once it prints a line matching `ready`. */
export async function startSystem(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<SystemProcess> {
  const started = performance.now()
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  const output: string[] = []
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  await new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(' ')} not ready in 30 s: ${output.join('')}`)), 30_000)
    lines.on('line', (line) => {
      if (ready.test(line)) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => reject(new Error(`${command} exited with ${code} before ready: ${output.join('')}`)))
  })
  const readyMs = performance.now() - started
  return { readyMs, cpuSeconds: () => treeCpuSeconds(child.pid!), stop: () => stopChild(child) }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

/** user + system CPU seconds of a process (fields 14 and 15 of /proc/<pid>/stat). */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
  } catch {
    return 0
  }
}

/** CPU of a process and every live descendant (a launcher that runs the real work in a child counts too). */
function treeCpuSeconds(root: number): number {
  const parents = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // gone meanwhile
    }
  }
  let total = 0
  const queue = [root]
  while (queue.length > 0) {
    const pid = queue.pop()!
    total += processCpuSeconds(pid)
    for (const [child, parent] of parents) if (parent === pid) queue.push(child)
  }
  return total
}
