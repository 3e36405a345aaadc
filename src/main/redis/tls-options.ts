import { readFileSync } from 'node:fs'
import { isIP } from 'node:net'
import type { ConnectionOptions } from 'node:tls'

/**
 * TLS beyond "on": a CA to trust, a client certificate and key for mutual TLS
 * (Redis's default `tls-auth-clients yes`), the name to verify, and whether to
 * verify at all. Paths, not contents: the files stay where the operator keeps them.
 */
export interface RedisTlsSettings {
  /** REDIS_TLS_CA: PEM file of the CA(s) that signed the server's certificate. */
  caFile?: string
  /** REDIS_TLS_CERT: PEM client certificate (mutual TLS). */
  certFile?: string
  /** REDIS_TLS_KEY: PEM private key of the client certificate. Its contents are never logged. */
  keyFile?: string
  /** REDIS_TLS_SERVERNAME: the name the certificate must carry (SNI); default the URL's host. */
  servername?: string
  /** REDIS_TLS_REJECT_UNAUTHORIZED (default true): false accepts any certificate — for tests only. */
  rejectUnauthorized?: boolean
}

const TLS_ENV: Array<[keyof RedisTlsSettings, string]> = [
  ['caFile', 'REDIS_TLS_CA'],
  ['certFile', 'REDIS_TLS_CERT'],
  ['keyFile', 'REDIS_TLS_KEY'],
  ['servername', 'REDIS_TLS_SERVERNAME'],
]

/** The REDIS_TLS_* variables; undefined when none is set. */
export function tlsSettingsFromEnv(env: NodeJS.ProcessEnv): RedisTlsSettings | undefined {
  const settings: RedisTlsSettings = {}
  for (const [field, name] of TLS_ENV) {
    const value = env[name]?.trim()
    if (value) (settings as Record<string, string>)[field] = value
  }
  const reject = env.REDIS_TLS_REJECT_UNAUTHORIZED?.trim()
  if (reject) {
    if (!/^(1|0|true|false|yes|no)$/i.test(reject)) {
      throw new Error(`REDIS_TLS_REJECT_UNAUTHORIZED must be true or false, got "${reject}"`)
    }
    settings.rejectUnauthorized = /^(1|true|yes)$/i.test(reject)
  }
  if (Boolean(settings.certFile) !== Boolean(settings.keyFile)) {
    throw new Error('REDIS_TLS_CERT and REDIS_TLS_KEY go together: give both or neither')
  }
  return Object.keys(settings).length > 0 ? settings : undefined
}

/** True when the settings name any file or verification choice (they imply TLS on). */
export function hasTlsSettings(settings: RedisTlsSettings | undefined): boolean {
  return Boolean(settings && Object.values(settings).some((v) => v !== undefined && v !== ''))
}

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))
    throw new Error(`TLS ${what} file ${path} cannot be read (${reason})`)
  }
}

/** Node's TLS options for one connection; reads the files now so a wrong path fails at once, by name. */
export function buildTlsOptions(host: string, settings: RedisTlsSettings | undefined): ConnectionOptions {
  const options: ConnectionOptions = {}
  // SNI carries names only (RFC 6066); an IP host is still verified against the certificate's IP SANs.
  const servername = settings?.servername || (isIP(host) ? undefined : host)
  if (servername) options.servername = servername
  if (settings?.caFile) options.ca = readPem(settings.caFile, 'CA (REDIS_TLS_CA)')
  if (settings?.certFile) options.cert = readPem(settings.certFile, 'certificate (REDIS_TLS_CERT)')
  if (settings?.keyFile) options.key = readPem(settings.keyFile, 'key (REDIS_TLS_KEY)')
  if (settings?.rejectUnauthorized === false) options.rejectUnauthorized = false
  return options
}
