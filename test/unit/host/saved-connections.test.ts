import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SavedConnections, splitPassword } from '../../../src/main/app/saved-connections'
import { noSecretStore, type SecretStore } from '../../../src/main/app/secret-store'

/** A stand-in keychain that visibly transforms secrets (reversible, not plain). */
const fakeKeychain: SecretStore = {
  canStore: true,
  seal: (secret) => Buffer.from(`sealed:${secret}`).toString('base64'),
  open: (sealed) => Buffer.from(sealed, 'base64').toString().replace(/^sealed:/, ''),
}

describe('saved connections', () => {
  let dir: string
  let file: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchyard-saved-'))
    file = join(dir, 'connections.json')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('never writes a password in plain text, even one inside the URL', () => {
    const saved = new SavedConnections(file, fakeKeychain)
    saved.save({ name: 'prod', url: 'redis://ops:hunter2@10.0.0.5:6379/0', tls: false, production: true })
    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain('hunter2')
    expect(saved.list()).toEqual([expect.objectContaining({ name: 'prod', url: 'redis://ops@10.0.0.5:6379/0', hasPassword: true })])
    expect(saved.defaultConfig()).toEqual(expect.objectContaining({ url: 'redis://ops@10.0.0.5:6379/0', password: 'hunter2' }))
  })

  it('headless mode keeps the connection but not its password', () => {
    const saved = new SavedConnections(file, noSecretStore)
    saved.save({ name: 'x', url: 'redis://127.0.0.1:6380/0', password: 'secret', tls: false, production: false })
    expect(readFileSync(file, 'utf8')).not.toContain('secret')
    expect(saved.list()[0]?.hasPassword).toBe(false)
    expect(saved.defaultConfig()?.password).toBeUndefined()
  })

  it('forgets by id, and a broken file gives a clear error instead of losing it', () => {
    const saved = new SavedConnections(file, noSecretStore)
    const entry = saved.save({ name: 'a', url: 'redis://127.0.0.1:6380/0', tls: false, production: false })
    expect(saved.forget(entry.id)).toBe(true)
    expect(saved.forget(entry.id)).toBe(false)
    writeFileSync(file, '{ not json')
    expect(() => saved.list()).toThrow(/connections\.json is not valid JSON/)
    expect(readFileSync(file, 'utf8')).toBe('{ not json')
  })

  it('splits a password out of a URL', () => {
    expect(splitPassword('redis://u:p%40ss@h:1/0', undefined)).toEqual({ url: 'redis://u@h:1/0', password: 'p@ss' })
    expect(splitPassword('redis://h:1/0', 'given')).toEqual({ url: 'redis://h:1/0', password: 'given' })
  })
})
