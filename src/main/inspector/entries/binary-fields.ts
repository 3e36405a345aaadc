import { isUtf8 } from 'node:buffer'
import type { BinaryMarks } from '@shared/binary-values'

/** One name or value as the contract carries it: UTF-8 text, or hex when it is not UTF-8. */
function show(bytes: string | Buffer): { text: string; hex: boolean } {
  if (typeof bytes === 'string') return { text: bytes, hex: false }
  return isUtf8(bytes) ? { text: bytes.toString('utf8'), hex: false } : { text: bytes.toString('hex'), hex: true }
}

/** A [name, value, name, value…] reply (Buffers or strings) to a record plus its hex marks. */
export function fieldsFromBytes(raw: ReadonlyArray<string | Buffer>): { fields: Record<string, string> } & BinaryMarks {
  const fields: Record<string, string> = {}
  const hexValues: string[] = []
  const hexNames: string[] = []
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = show(raw[i] as string | Buffer)
    const value = show(raw[i + 1] as string | Buffer)
    fields[name.text] = value.text
    if (name.hex) hexNames.push(name.text)
    if (value.hex) hexValues.push(name.text)
  }
  return { fields, ...(hexValues.length ? { hexValues } : {}), ...(hexNames.length ? { hexNames } : {}) }
}

export const idText = (id: string | Buffer): string => (typeof id === 'string' ? id : id.toString('latin1'))
