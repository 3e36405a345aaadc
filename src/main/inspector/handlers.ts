import { HandlerError } from '@shared/result'
import type { HandlerGroup } from '../api/handler-types'
import type { InspectorMethod } from '../api/method-groups'
import { listAudit } from './actions/audit'
import { ackEntries } from './actions/ack'
import { claimIdle, previewClaimIdle } from './actions/claim-idle'
import { claimEntries } from './actions/claim'
import { createGroup, deleteConsumer, deleteGroup, setGroupId } from './actions/groups'
import { addEntries, trimStream } from './actions/stream-writes'
import { readStreamPage } from './browse/stream-page'
import { listDeadLetters } from './dead-letters/list-dead-letters'
import { moveToDeadLetter } from './dead-letters/move-to-dead-letter'
import { replayDeadLetters } from './dead-letters/replay'
import { injectEnvelope } from './inject/inject-envelope'
import { INJECT_TEMPLATES } from './inject/templates'
import type { Inspector } from './inspector'
import { listPending } from './pending/pending-list'
import { withRedisErrors } from './redis-errors'
import { recentResults } from './results/recent-results'
import { findTraces } from './traces/find-traces'
import { listViolations } from './violations/list-violations'

/** Every request the inspector serves; each maps Redis errors to readable, coded ones. */
export function createInspectorHandlers(getInspector: () => Inspector | null): HandlerGroup<InspectorMethod> {
  const use = (): Inspector => {
    const inspector = getInspector()
    if (!inspector) throw new HandlerError('not_connected', 'not connected to Redis: connect first')
    return inspector
  }
  const redis = () => use().options.redis
  const actions = () => use().actions

  return {
    'topology.snapshot': async () => use().topology.snapshot(),
    'streams.page': async (a) => withRedisErrors({ stream: a.stream }, () => readStreamPage(redis(), a)),
    'streams.tail.start': async (a) => use().tails.start(a),
    'streams.tail.stop': async (a) => use().tails.stop(a.tailId),
    'streams.add': async (a) => addEntries(actions(), a),
    'streams.trim': async (a) => trimStream(actions(), a),
    'groups.create': async (a) => createGroup(actions(), a),
    'groups.delete': async (a) => deleteGroup(actions(), a),
    'groups.setId': async (a) => setGroupId(actions(), a),
    'consumers.delete': async (a) => deleteConsumer(actions(), a),
    'pending.list': async (a) => listPending(redis(), a),
    'pending.claim': async (a) => claimEntries(actions(), a),
    'pending.claimIdle.preview': async (a) => previewClaimIdle(redis(), a),
    'pending.claimIdle': async (a) => claimIdle(actions(), a),
    'pending.ack': async (a) => ackEntries(actions(), a),
    'pending.deadLetter': async (a) => moveToDeadLetter(actions(), a),
    'deadLetters.list': async (a) => withRedisErrors({ stream: a.sourceStream }, () => listDeadLetters(redis(), a)),
    'deadLetters.replay': async (a) => replayDeadLetters(actions(), a),
    'audit.list': async (a) => listAudit(redis(), a.count),
    'results.recent': async (a) => withRedisErrors({}, () => recentResults(redis(), a)),
    'inject.templates': async () => [...INJECT_TEMPLATES],
    'inject.envelope': async (a) => injectEnvelope(actions(), use().results, a),
    'traces.find': async (a) => findTraces(redis(), a),
    'traces.watch': async (a) => use().traces.watch(a.messageId),
    'traces.unwatch': async (a) => use().traces.unwatch(a.messageId),
    'violations.list': async (a) => listViolations(redis(), a),
    'stats.series': async (a) => use().stats.series(a.windowSec),
  }
}
