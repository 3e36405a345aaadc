import { DEAD_LETTER_META_PREFIX } from '@shared/records'
import { ENTRY_META_RENAME_PREFIX } from '../../runtime/hop/lua/dead-letter.lua'

const meta = Buffer.from(DEAD_LETTER_META_PREFIX)
const renamed = Buffer.from(ENTRY_META_RENAME_PREFIX)
const startsWith = (name: Buffer, prefix: Buffer) => name.subarray(0, prefix.length).equals(prefix)

/**
 * An entry's own dlq_ fields, renamed on the way into a dead-letter stream
 * as the runtime does (dlq_reason → dlq_entry_dlq_reason), so the real
 * reason always wins and nothing of the entry is dropped.
 */
export function renameEntryMeta(raw: readonly Buffer[]): Buffer[] {
  return raw.map((part, i) => (i % 2 === 0 && startsWith(part, meta) ? Buffer.concat([renamed, part]) : part))
}

/** The original fields of a dead letter: dlq_ metadata dropped, renamed entry fields given back their names. */
export function originalFields(raw: readonly Buffer[]): Buffer[] {
  const original: Buffer[] = []
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as Buffer
    const value = raw[i + 1] as Buffer
    if (startsWith(name, renamed)) original.push(name.subarray(renamed.length), value)
    else if (!startsWith(name, meta)) original.push(name, value)
  }
  return original
}
