import type { ConnectionParams } from '../../shared/api'
import { HandlerError } from '../../shared/result'
import type { HandlerGroup } from '../api/handler-types'
import type { ConnectionMethod } from '../api/method-groups'
import { parseRedisUrl, type RedisConnectionConfig } from '../redis/connection-config'
import type { AppSession } from './app-session'

function toConfig(params: ConnectionParams): RedisConnectionConfig {
  try {
    parseRedisUrl(params.url)
  } catch (error) {
    throw new HandlerError('invalid_request', `url: ${error instanceof Error ? error.message : String(error)}`)
  }
  const config: RedisConnectionConfig = { url: params.url, tls: params.tls || params.url.startsWith('rediss://') }
  if (params.username) config.username = params.username
  if (params.password) config.password = params.password
  return config
}

/** The Connection screen's requests, served by the session. */
export function createConnectionHandlers(session: AppSession): HandlerGroup<ConnectionMethod> {
  return {
    'connection.status': async () => session.status(),
    'connection.test': async (params) => session.test(toConfig(params)),
    'connection.connect': async ({ name, save, production, ...given }) => {
      const params = { ...given, password: given.password ?? session.saved.passwordFor(given.url, given.username) }
      const status = await session.connect(toConfig(params))
      if (save) {
        // Headless: the saved entry keeps no password (SecretStore cannot store one).
        session.saved.save({
          name: name?.trim() || status.target,
          url: params.url,
          username: params.username,
          password: params.password,
          tls: params.tls,
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
    'connection.forget': async ({ id }) => {
      if (!session.saved.forget(id)) throw new HandlerError('not_found', `no saved connection with id ${id}`)
      return null
    },
  }
}
