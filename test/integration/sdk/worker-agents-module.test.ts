import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { BIN } from '../../support/built-package'
import { startTestRedis, type TestRedis } from '../../support/redis'
import { waitFor } from '../../support/wait'
import { killAll, linkedProject, roundTrip, runCli, SHOUT_MJS, type CliProcess, type UserProject } from './user-project'

const WHISPER = `
export class WhisperAgent extends BaseAgent {
  process(env) {
    env.payload.text = String(env.payload.text).toLowerCase()
    return env
  }
}
`

/** `switchyard worker --agents FILE` against a real Redis, in a user's folder with switchyard installed. */
describe('switchyard worker --agents', () => {
  let server: TestRedis
  let client: Redis
  let project: UserProject
  const running: CliProcess[] = []

  const worker = (args: string[]): CliProcess => {
    const p = runCli(process.execPath, [BIN, 'worker', ...args], {
      cwd: project.dir,
      env: { REDIS_URL: server.url, STATS_DIR: join(project.dir, 'stats') },
    })
    running.push(p)
    return p
  }

  beforeAll(async () => {
    server = await startTestRedis()
    client = new Redis(server.url)
    project = linkedProject()
  })
  afterEach(() => killAll(running))
  afterAll(async () => {
    client?.disconnect()
    await server?.cleanup()
    project?.cleanup()
  })

  it('runs a .js module of import statements although npm init made the folder "commonjs", and a CommonJS .cjs one', async () => {
    project.write('esm-agents.js', SHOUT_MJS)
    const esm = worker(['--agents', './esm-agents.js'])
    await esm.ready
    expect((await roundTrip(client, 'shout', 'js')).payload.text).toBe('JS!')
    project.write('cjs-agents.cjs', `const { BaseAgent } = require('switchyard')\n${WHISPER.replace('export class', 'class')}\nmodule.exports = { WhisperAgent }\n`)
    const cjs = worker(['--agents', './cjs-agents.cjs'])
    await cjs.ready
    expect((await roundTrip(client, 'whisper', 'QUIET')).payload.text).toBe('quiet')
  })

  it('--roles picks among the module roles and the built-ins, --instances N of each', async () => {
    project.write('two.mjs', `${SHOUT_MJS}\n${WHISPER}`)
    const p = worker(['--agents', './two.mjs', '--roles', 'whisper,uppercase', '--instances', '2'])
    await p.ready
    // The agent lines and the ready line are two writers on one pipe: wait for all four lines.
    const agentLines = () => p.output().split('\n').filter((line) => /^ {2}\S+ \S+/.test(line))
    await waitFor('four agent lines', () => agentLines().length >= 4)
    const lines = agentLines()
    expect(lines.filter((l) => l.includes(' whisper (./two.mjs: export WhisperAgent)'))).toHaveLength(2)
    expect(lines.filter((l) => / uppercase$/.test(l))).toHaveLength(2)
    expect(lines.some((l) => l.includes(' shout'))).toBe(false)
    expect((await roundTrip(client, 'whisper', 'PICKED')).payload.text).toBe('picked')
  })

  it('refuses a role that neither the module nor the built-ins have', async () => {
    project.write('one.mjs', SHOUT_MJS)
    const p = worker(['--agents', './one.mjs', '--roles', 'shout,nosuch'])
    expect((await p.exited).code).toBe(1)
    expect(p.output()).toMatch(/unknown role\(s\): nosuch; known: shout,/)
  })

  const broken: Array<{ name: string; file: string; text: string; says: RegExp }> = [
    { name: 'a file that is not there', file: 'missing.mjs', text: '', says: /missing\.mjs: no such file/ },
    { name: 'a syntax error', file: 'syntax.mjs', text: 'export class {\n', says: /syntax\.mjs: failed to load: .*Unexpected/ },
    { name: 'a module that throws as it loads', file: 'throws.mjs', text: "throw new Error('no API key in the environment')\n", says: /throws\.mjs: failed to load: no API key/ },
    { name: 'a TypeScript file that does not parse', file: 'bad.ts', text: 'export const x: = 1\n', says: /bad\.ts: failed to load/ },
    {
      name: 'an export that is not an agent',
      file: 'helper.mjs',
      text: `${SHOUT_MJS}\nexport const helper = () => 1\n`,
      says: /helper\.mjs: export "helper" is not an agent class/,
    },
    {
      name: 'two classes with one role',
      file: 'twice.mjs',
      text: `${SHOUT_MJS}\nexport class Shout extends BaseAgent { process(env) { return env } }\n`,
      // A module namespace lists its exports in name order.
      says: /twice\.mjs: export "ShoutAgent" has role "shout", like export "Shout"/,
    },
    {
      name: 'an agent class without process()',
      file: 'empty.mjs',
      text: "import { BaseAgent } from 'switchyard'\nexport class EmptyAgent extends BaseAgent {}\n",
      says: /empty\.mjs: export "EmptyAgent" has no process\(\) method/,
    },
    { name: 'no agent at all', file: 'nothing.mjs', text: 'export {}\n', says: /nothing\.mjs: exports no agent class/ },
  ]
  for (const { name, file, text, says } of broken) {
    it(`stops with exit code 1 and names the file (and the export) for ${name}`, async () => {
      if (text) project.write(file, text)
      const p = worker(['--agents', `./${file}`])
      const { code } = await p.exited
      expect(code).toBe(1)
      expect(p.output()).toMatch(says)
      expect(p.output()).not.toContain('worker ready')
    })
  }
})
