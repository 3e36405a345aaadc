import { createColumnHelper, tableFeatures } from '@tanstack/react-table'
import type { StreamEntry } from '@shared/api'
import { displayFields } from '../../components/operator/binary-format'
import { summarizeEnvelope } from '../../components/operator/envelope-summary'
import { formatTime, idTimeMs } from '../../components/operator/format'

/** Module scope: stable identities, so the table never rebuilds its columns. */
export const entryTableFeatures = tableFeatures({})
const column = createColumnHelper<typeof entryTableFeatures, StreamEntry>()

/** First field=value pairs of a flat (non-envelope) entry, shortened. */
function fieldsPreview(entry: StreamEntry): string {
  const text = Object.entries(displayFields(entry))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')
  return text.length > 120 ? `${text.slice(0, 120)}…` : text
}

export const entryColumns = column.columns([
  column.accessor('id', { header: 'ID', cell: (info) => <code>{info.getValue()}</code> }),
  column.accessor((entry) => idTimeMs(entry.id), { id: 'time', header: 'Time', cell: (info) => formatTime(info.getValue()) }),
  column.accessor((entry) => (entry.envelope ? summarizeEnvelope(entry.envelope).role : ''), { id: 'role', header: 'Role' }),
  column.accessor((entry) => (entry.envelope ? summarizeEnvelope(entry.envelope).stage : ''), { id: 'stage', header: 'Stage' }),
  column.accessor((entry) => entry.envelope?.kind ?? '', { id: 'kind', header: 'Kind' }),
  column.accessor((entry) => entry.envelope?.process_count ?? null, {
    id: 'process_count',
    header: 'Hops',
    cell: (info) => info.getValue() ?? '',
  }),
  column.accessor((entry) => entry, {
    id: 'content',
    header: 'Content',
    cell: (info) => {
      const entry = info.getValue()
      if (entry.envelopeError) return <span className="op-bad">invalid envelope: {entry.envelopeError}</span>
      if (entry.envelope) return <span>{JSON.stringify(entry.envelope.payload).slice(0, 120)}</span>
      return <span className="op-flat">{fieldsPreview(entry)}</span>
    },
  }),
])

export const entryRowId = (entry: StreamEntry): string => entry.id
