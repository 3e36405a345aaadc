import { useEffect } from 'react'
import { ErrorNote } from '../../components/operator/ErrorNote'
import { ViewFrame } from '../../components/operator/ViewFrame'
import { UnreadableNote } from '../../components/operator/UnreadableNote'
import { streamsSelectors } from '../../stores/streams-selectors'
import { startStreamsFeed, useStreamsStore } from '../../stores/streams-store'
import { startTopologyFeed } from '../../stores/topology-store'
import { EntriesTable } from './EntriesTable'
import { EntryDetail } from './EntryDetail'
import { StreamList } from './StreamList'
import { StreamsFilterBar } from './StreamsFilterBar'
import { StreamsToolbar } from './StreamsToolbar'
import { useStreamKeys } from './use-stream-keys'

const OFFLINE = 'The entries already loaded can still be read, filtered and exported; the tail resumes when Redis is back.'

/** Browse any stream: live tail, older pages near the bottom, jump, decoded envelopes. */
export function StreamsView() {
  useEffect(() => startTopologyFeed(), [])
  useEffect(() => startStreamsFeed(), [])
  useStreamKeys()
  const stream = useStreamsStore((s) => s.stream)
  const error = useStreamsStore((s) => s.error)
  const bufferFull = useStreamsStore(streamsSelectors.bufferFull)
  return (
    <ViewFrame id="streams" title="Streams" offline={OFFLINE}>
      <UnreadableNote />
      <div className="op-split">
        <StreamList />
        <div className="op-main">
          <StreamsToolbar />
          <StreamsFilterBar />
          <ErrorNote message={error} />
          {bufferFull ? <p className="op-note">Showing the row limit; jump to an id or time to see older entries.</p> : null}
          {stream ? <EntriesTable /> : <p className="op-note">Choose a stream.</p>}
        </div>
        <EntryDetail />
      </div>
    </ViewFrame>
  )
}
