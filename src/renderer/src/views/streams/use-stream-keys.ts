import { useEffect } from 'react'
import { copyText } from '../../components/operator/clipboard'
import { streamsSelectors } from '../../stores/streams-selectors'
import { selectEntry, useStreamsStore } from '../../stores/streams-store'
import { FILTER_INPUT_ID } from './StreamsFilterBar'
import { moveSelection } from './move-selection'

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof Element && target.closest('input, select, textarea, [role="dialog"]') !== null

/** j/k move through the shown entries, c copies the selected one, / focuses the filter. */
export function useStreamKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return
      const state = useStreamsStore.getState()
      if (event.key === 'j' || event.key === 'k') {
        const ids = streamsSelectors.visibleRows(state).map((row) => row.id)
        selectEntry(moveSelection(ids, state.selectedId, event.key === 'j' ? 1 : -1))
      } else if (event.key === 'c') {
        const entry = streamsSelectors.selectedEntry(state)
        if (!entry) return
        void copyText(JSON.stringify({ id: entry.id, fields: entry.fields, envelope: entry.envelope }, null, 2), `entry ${entry.id}`)
      } else if (event.key === '/') {
        document.getElementById(FILTER_INPUT_ID)?.focus()
      } else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
