import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import type { SavedConnection } from '@shared/api'
import { parseWith } from '@shared/validate'
import type { RedisConnectionConfig } from '../redis/connection-config'
import type { RedisTlsSettings } from '../redis/tls-options'
import type { SecretStore } from './secret-store'

/** Bound on the saved list so a runaway caller cannot grow the file forever. */
export const MAX_SAVED_CONNECTIONS = 100

const storedSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  username: z.string().nullable(),
  tls: z.boolean(),
  production: z.boolean(),
  /** Sealed by the SecretStore; never the plain password. */
  sealedPassword: z.string().nullable(),
  /** TLS settings (CA, certificate and key paths, server name), sealed like the password. */
  sealedTls: z.string().nullable().optional(),
})
const tlsSchema = z.object({
  caFile: z.string().optional(),
  certFile: z.string().optional(),
  keyFile: z.string().optional(),
  servername: z.string().optional(),
  rejectUnauthorized: z.boolean().optional(),
})
const fileSchema = z.object({ connections: z.array(storedSchema), lastUsedId: z.string().nullable() })
type StoredConnection = z.infer<typeof storedSchema>
type ConnectionsFile = z.infer<typeof fileSchema>

export interface SaveInput {
  name: string
  url: string
  username?: string | undefined
  password?: string | undefined
  tls: boolean
  tlsSettings?: RedisTlsSettings | undefined
  production: boolean
}

/** Saved connections in one JSON file of the data folder. */
export class SavedConnections {
  constructor(
    private readonly file: string,
    private readonly secrets: SecretStore,
  ) {}

  list(): SavedConnection[] {
    return this.read().connections.map(({ sealedPassword, sealedTls, ...rest }) => ({
      ...rest,
      hasPassword: sealedPassword !== null,
      hasTlsFiles: Boolean(sealedTls),
    }))
  }

  /** Saves (replacing one with the same URL and user) and marks it last used. */
  save(input: SaveInput): SavedConnection {
    const data = this.read()
    const { url, password } = splitPassword(input.url, input.password)
    const existing = data.connections.find((c) => c.url === url && c.username === (input.username ?? null))
    const stored: StoredConnection = {
      id: existing?.id ?? randomUUID(),
      name: input.name,
      url,
      username: input.username ?? null,
      tls: input.tls,
      production: input.production,
      sealedPassword: password && this.secrets.canStore ? this.secrets.seal(password) : null,
      sealedTls: input.tlsSettings && this.secrets.canStore ? this.secrets.seal(JSON.stringify(input.tlsSettings)) : null,
    }
    const others = data.connections.filter((c) => c.id !== stored.id)
    if (others.length >= MAX_SAVED_CONNECTIONS) throw new Error(`at most ${MAX_SAVED_CONNECTIONS} saved connections`)
    this.write({ connections: [...others, stored], lastUsedId: stored.id })
    return this.list().find((c) => c.id === stored.id) as SavedConnection
  }

  forget(id: string): boolean {
    const data = this.read()
    const connections = data.connections.filter((c) => c.id !== id)
    if (connections.length === data.connections.length) return false
    this.write({ connections, lastUsedId: data.lastUsedId === id ? null : data.lastUsedId })
    return true
  }

  /** The stored password of a saved URL + user, so the renderer never has to hold it. */
  passwordFor(url: string, username: string | undefined): string | undefined {
    const stored = this.read().connections.find((c) => c.url === url && c.username === (username ?? null))
    if (!stored?.sealedPassword || !this.secrets.canStore) return undefined
    return this.secrets.open(stored.sealedPassword)
  }

  /** The stored TLS settings of a saved URL + user (unsealed), if any. */
  tlsFor(url: string, username: string | undefined): RedisTlsSettings | undefined {
    const stored = this.read().connections.find((c) => c.url === url && c.username === (username ?? null))
    return this.openTls(stored?.sealedTls)
  }

  private openTls(sealed: string | null | undefined): RedisTlsSettings | undefined {
    if (!sealed || !this.secrets.canStore) return undefined
    const parsed = parseWith(tlsSchema, JSON.parse(this.secrets.open(sealed)))
    if (!parsed.ok) throw new Error(`${this.file}: stored TLS settings are not valid: ${parsed.message}`)
    return Object.fromEntries(Object.entries(parsed.value).filter(([, v]) => v !== undefined)) as RedisTlsSettings
  }

  /** Remembers which connection to open at the next start (null = embedded). */
  markLastUsed(id: string | null): void {
    this.write({ ...this.read(), lastUsedId: id })
  }

  /** The connection to open at start, with its password unsealed; null = none. */
  defaultConfig(): RedisConnectionConfig | null {
    const data = this.read()
    const stored = data.connections.find((c) => c.id === data.lastUsedId)
    if (!stored) return null
    const config: RedisConnectionConfig = { url: stored.url, tls: stored.tls }
    if (stored.username) config.username = stored.username
    if (stored.sealedPassword && this.secrets.canStore) config.password = this.secrets.open(stored.sealedPassword)
    const tlsSettings = this.openTls(stored.sealedTls)
    if (tlsSettings) config.tlsSettings = tlsSettings
    return config
  }

  private read(): ConnectionsFile {
    let text: string
    try {
      text = readFileSync(this.file, 'utf8')
    } catch {
      return { connections: [], lastUsedId: null }
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new Error(`${this.file} is not valid JSON; fix or delete it`)
    }
    const parsed = parseWith(fileSchema, json)
    if (!parsed.ok) throw new Error(`${this.file} is not a connections file: ${parsed.message}`)
    return parsed.value
  }

  private write(data: ConnectionsFile): void {
    mkdirSync(dirname(this.file), { recursive: true })
    // Write-then-rename so a crash never leaves a half-written file.
    const temp = `${this.file}.${process.pid}.tmp`
    writeFileSync(temp, JSON.stringify(data, null, 2), { mode: 0o600 })
    renameSync(temp, this.file)
  }
}

/** Moves a password embedded in the URL out of it, so the file never holds one. */
export function splitPassword(url: string, password: string | undefined): { url: string; password: string | undefined } {
  try {
    const parsed = new URL(url)
    if (!parsed.password) return { url, password }
    const inline = decodeURIComponent(parsed.password)
    parsed.password = ''
    return { url: parsed.toString(), password: password ?? inline }
  } catch {
    return { url, password }
  }
}
