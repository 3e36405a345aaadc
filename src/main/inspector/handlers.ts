import { HandlerError } from '../../shared/result'
import type { HandlerGroup } from '../api/handler-types'
import type { InspectorMethod } from '../api/method-groups'
import type { Inspector } from './inspector'

const notYet = async (): Promise<never> => {
  throw new HandlerError('internal', 'not implemented yet')
}

export function createInspectorHandlers(getInspector: () => Inspector | null): HandlerGroup<InspectorMethod> {
  void getInspector
  return {
    'topology.snapshot': notYet,
    'streams.page': notYet,
    'streams.tail.start': notYet,
    'streams.tail.stop': notYet,
    'streams.add': notYet,
    'streams.trim': notYet,
    'groups.create': notYet,
    'groups.delete': notYet,
    'groups.setId': notYet,
    'consumers.delete': notYet,
    'pending.list': notYet,
    'pending.claim': notYet,
    'pending.claimIdle.preview': notYet,
    'pending.claimIdle': notYet,
    'pending.ack': notYet,
    'pending.deadLetter': notYet,
    'deadLetters.list': notYet,
    'deadLetters.replay': notYet,
    'audit.list': notYet,
    'inject.templates': notYet,
    'inject.envelope': notYet,
    'traces.find': notYet,
    'traces.watch': notYet,
    'traces.unwatch': notYet,
    'violations.list': notYet,
    'stats.series': notYet,
  }
}
