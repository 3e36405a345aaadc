import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SavedConnections } from '../../../src/main/app/saved-connections'
import { noSecretStore, type SecretStore } from '../../../src/main/app/secret-store'
import { redisConfigFromEnv } from '../../../src/main/redis/connection-config'

const fakeKeychain: SecretStore = {
  canStore: true,
  seal: (secret) => Buffer.from(`sealed:${secret}`).toString('base64'),
  open: (sealed) => Buffer.from(sealed, 'base64').toString().replace(/^sealed:/, ''),
}
const tlsSettings = { caFile: '/secure/ca.crt', certFile: '/secure/client.crt', keyFile: '/secure/client.key', servername: 'redis.internal' }

describe('TLS settings of a saved connection', () => {
  let dir: string
  let file: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchyard-saved-tls-'))
    file = join(dir, 'connections.json')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('are sealed like the password and come back on the next start', () => {
    const saved = new SavedConnections(file, fakeKeychain)
    saved.save({ name: 'prod', url: 'rediss://10.0.0.5:6380/0', tls: true, tlsSettings, production: false })
    expect(readFileSync(file, 'utf8')).not.toContain('client.key')
    expect(saved.list()[0]).toEqual(expect.objectContaining({ hasTlsFiles: true }))
    expect(saved.defaultConfig()?.tlsSettings).toEqual(tlsSettings)
    expect(saved.tlsFor('rediss://10.0.0.5:6380/0', undefined)).toEqual(tlsSettings)
  })

  it('are not stored where passwords cannot be (headless)', () => {
    const saved = new SavedConnections(file, noSecretStore)
    saved.save({ name: 'prod', url: 'rediss://10.0.0.5:6380/0', tls: true, tlsSettings, production: false })
    expect(readFileSync(file, 'utf8')).not.toContain('/secure/')
    expect(saved.list()[0]).toEqual(expect.objectContaining({ hasTlsFiles: false }))
  })
})

describe('REDIS_TLS_* variables', () => {
  it('give the files, the server name and the verification choice, and imply TLS', () => {
    const config = redisConfigFromEnv({
      REDIS_URL: 'redis://10.0.0.5:6380',
      REDIS_TLS_CA: '/ca.crt',
      REDIS_TLS_CERT: '/c.crt',
      REDIS_TLS_KEY: '/c.key',
      REDIS_TLS_SERVERNAME: 'redis.internal',
      REDIS_TLS_REJECT_UNAUTHORIZED: 'false',
    })
    expect(config.tlsSettings).toEqual({ caFile: '/ca.crt', certFile: '/c.crt', keyFile: '/c.key', servername: 'redis.internal', rejectUnauthorized: false })
  })

  it('refuse a certificate without its key, and a verification choice that is not true/false, by name', () => {
    expect(() => redisConfigFromEnv({ REDIS_TLS_CERT: '/c.crt' })).toThrow(/REDIS_TLS_CERT and REDIS_TLS_KEY go together/)
    expect(() => redisConfigFromEnv({ REDIS_TLS_REJECT_UNAUTHORIZED: 'maybe' })).toThrow(/REDIS_TLS_REJECT_UNAUTHORIZED must be true or false/)
  })
})
