import type { ConnectionStatus } from '@shared/api'
import { clusterSeedsOf, type RedisConnectionConfig } from '../redis/connection-config'
import { logger } from '../log/logger'

/** A fresh status of a connection that has answered nothing yet; `cluster` when the config names one. */
export function freshStatus(
  target: string,
  embedded: boolean,
  state: ConnectionStatus['state'],
  canSavePasswords: boolean,
  config?: RedisConnectionConfig,
): ConnectionStatus {
  const status: ConnectionStatus = { state, target, embedded, latencyMs: null, serverVersion: null, error: null, canSavePasswords }
  return config && clusterSeedsOf(config) ? { ...status, cluster: true } : status
}

/** Logs a change of state or error; true when the change is worth a push (latency only when it moves noticeably). */
export function noteStatusChange(before: ConnectionStatus, next: ConnectionStatus): boolean {
  if (before.state !== next.state || before.error !== next.error) {
    const line = `Redis ${next.target}: ${next.state}${next.error ? ` (${next.error})` : ''}`
    if (next.state === 'error' || next.state === 'disconnected') logger('app').warn(line)
    else logger('app').info(line)
  }
  const latencyMoved = Math.abs((next.latencyMs ?? 0) - (before.latencyMs ?? 0)) >= 1
  const changed = before.state !== next.state || before.error !== next.error || before.readOnly !== next.readOnly
  return changed || before.target !== next.target || before.cluster !== next.cluster || latencyMoved
}
