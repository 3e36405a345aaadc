import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rolesToStart } from '../../../src/main/app/agent-roles'
import { readStatic } from '../../../src/main/host/static-files'
import { newToken, tokenMatches } from '../../../src/main/host/token'

describe('the host token', () => {
  it('is long, random, and only the exact string matches', () => {
    const token = newToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(newToken()).not.toBe(token)
    expect(tokenMatches(token, token)).toBe(true)
    expect(tokenMatches(token, token.slice(0, -1))).toBe(false)
    expect(tokenMatches(token, undefined)).toBe(false)
    expect(tokenMatches(token, 42)).toBe(false)
  })
})

describe('static files of the renderer', () => {
  it('never serve anything outside the renderer folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-static-'))
    try {
      mkdirSync(join(dir, 'renderer'))
      writeFileSync(join(dir, 'renderer', 'index.html'), 'page')
      writeFileSync(join(dir, 'secret'), 'no')
      const root = join(dir, 'renderer')
      expect((await readStatic(root, '/'))?.body.toString()).toBe('page')
      expect(await readStatic(root, '/../secret')).toBeNull()
      expect(await readStatic(root, '/%2e%2e/secret')).toBeNull()
      expect(await readStatic(root, '/%E0%A4%A')).toBeNull()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('which agents start on connect', () => {
  it('runs the demo on the embedded Redis and nothing on an external one unless asked', () => {
    expect(rolesToStart({}, true)).toEqual(['manager', 'uppercase', 'reverse', 'stats'])
    expect(rolesToStart({}, false)).toEqual([])
    expect(rolesToStart({ SWITCHYARD_AGENTS: 'demo' }, false)).toHaveLength(4)
    expect(rolesToStart({ SWITCHYARD_AGENTS: 'none' }, true)).toEqual([])
    expect(rolesToStart({ SWITCHYARD_AGENTS: 'reverse, grammar' }, false)).toEqual(['reverse', 'grammar'])
    expect(() => rolesToStart({ SWITCHYARD_AGENTS: 'manager,wizard' }, false)).toThrow(/unknown role\(s\) wizard/)
  })
})
