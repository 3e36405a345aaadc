import type { ConnectionParams } from '@shared/api'
import { HandlerError } from '@shared/result'
import type { HandlerGroup } from '../api/handler-types'
import type { ConnectionMethod } from '../api/method-groups'
import { parseRedisUrl, type RedisConnectionConfig } from '../redis/connection-config'
import type { RedisTlsSettings } from '../redis/tls-options'
import type { AppSession } from './app-session'
import { readClusterNodes } from './cluster-nodes'

function toConfig(params: ConnectionParams): RedisConnectionConfig {
  try {
    parseRedisUrl(params.url)
  } catch (error) {
    throw new HandlerError('invalid_request', `url: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (Boolean(params.tlsCertFile) !== Boolean(params.tlsKeyFile)) {
    throw new HandlerError('invalid_request', 'tlsKeyFile: give the client certificate and its key together')
  }
  const config: RedisConnectionConfig = { url: params.url, tls: params.tls || /^rediss(\+cluster)?:\/\//.test(params.url) }
  if (params.username) config.username = params.username
  if (params.password) config.password = params.password
  const tlsSettings = tlsSettingsOf(params)
  if (tlsSettings) config.tlsSettings = tlsSettings
  return config
}

function tlsSettingsOf(params: ConnectionParams): RedisTlsSettings | undefined {
  const settings: RedisTlsSettings = {}
  if (params.tlsCaFile) settings.caFile = params.tlsCaFile
  if (params.tlsCertFile) settings.certFile = params.tlsCertFile
  if (params.tlsKeyFile) settings.keyFile = params.tlsKeyFile
  if (params.tlsServername) settings.servername = params.tlsServername
  if (params.tlsRejectUnauthorized === false) settings.rejectUnauthorized = false
  return Object.keys(settings).length > 0 ? settings : undefined
}

/** Fills what the caller left out (password, TLS files) from the saved entry of the same URL and user. */
function withSaved(session: AppSession, given: ConnectionParams): ConnectionParams {
  const params = { ...given, password: given.password ?? session.saved.passwordFor(given.url, given.username) }
  const hasTls = given.tlsCaFile || given.tlsCertFile || given.tlsKeyFile || given.tlsServername
  const saved = hasTls ? undefined : session.saved.tlsFor(given.url, given.username)
  if (!saved) return params
  return {
    ...params,
    ...(saved.caFile ? { tlsCaFile: saved.caFile } : {}),
    ...(saved.certFile ? { tlsCertFile: saved.certFile } : {}),
    ...(saved.keyFile ? { tlsKeyFile: saved.keyFile } : {}),
    ...(saved.servername ? { tlsServername: saved.servername } : {}),
    ...(saved.rejectUnauthorized === false ? { tlsRejectUnauthorized: false } : {}),
  }
}

/** The Connection screen's requests, served by the session. */
export function createConnectionHandlers(session: AppSession): HandlerGroup<ConnectionMethod> {
  return {
    'connection.status': async () => session.status(),
    'connection.test': async (params) => session.test(toConfig(params)),
    'connection.connect': async ({ name, save, production, ...given }) => {
      const params = withSaved(session, given)
      const status = await session.connect(toConfig(params))
      if (save) {
        // Headless: the saved entry keeps no password (SecretStore cannot store one).
        session.saved.save({
          name: name?.trim() || status.target,
          url: params.url,
          username: params.username,
          password: params.password,
          tls: params.tls,
          tlsSettings: tlsSettingsOf(params),
          production,
        })
      } else {
        session.saved.markLastUsed(null)
      }
      return status
    },
    'connection.useEmbedded': async () => {
      const status = await session.useEmbedded()
      session.saved.markLastUsed(null)
      return status
    },
    'connection.saved': async () => session.saved.list(),
    'connection.nodes': async () => readClusterNodes(session.client()),
    'connection.forget': async ({ id }) => {
      if (!session.saved.forget(id)) throw new HandlerError('not_found', `no saved connection with id ${id}`)
      return null
    },
  }
}
