/**
 * The three ACL profiles of the README ("Least privilege"), word for word:
 * the test creates each user with these rules (ACL SETUSER) and checks what it can do.
 */
export const ACL_PROFILES = {
  /** Sees everything, changes nothing: topology, streams, pending, traces, live pushes. */
  observer: '~* resetchannels &broadcast:* -@all +@read +subscribe +info',
  /** The observer, plus claim / ack / dead-letter / inject / replay, each with its audit record. */
  operator:
    '~* resetchannels &broadcast:* -@all +@read +subscribe +publish +info +ping +xack +xclaim +xautoclaim +xadd +xdel +xgroup +multi +exec +eval +evalsha +script|load',
  /** Runs agents: reads and writes its streams, journal, registry, results; pub/sub control; scripts. */
  worker:
    '~stream:* ~result:* ~doc.* ~switchyard:* resetchannels &broadcast:* -@all +@read +@write +@stream +@pubsub +@scripting +@transaction +@connection +info -flushall -flushdb -del +client|setname +client|id +client|unblock',
} as const

export type AclProfile = keyof typeof ACL_PROFILES
