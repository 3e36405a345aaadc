import { useEffect } from 'react'
import { ErrorNote } from '../../components/operator/ErrorNote'
import { CopyButton } from '../../components/operator/CopyButton'
import { routeParam } from '../../components/operator/navigate'
import { ViewFrame } from '../../components/operator/ViewFrame'
import { tracesSelectors } from '../../stores/traces-selectors'
import { openTraceLink, startTracesFeed, stepFirst, stepLast, stepNext, stepPrev, useTracesStore } from '../../stores/traces-store'
import { HopDetail } from './HopDetail'
import { RecentTraces } from './RecentTraces'
import { StepControls } from './StepControls'
import { TraceFileButtons } from './TraceFileButtons'
import { TraceSearch } from './TraceSearch'
import { Waterfall } from './Waterfall'

const KEY_STEPS: Record<string, () => unknown> = {
  ArrowLeft: stepPrev,
  ArrowUp: stepPrev,
  ArrowRight: stepNext,
  ArrowDown: stepNext,
  Home: stepFirst,
  End: stepLast,
}

/** Follow one envelope hop by hop: waterfall, step-through, envelope, diff, safety budget. */
export function TracesView() {
  useEffect(() => startTracesFeed(), [])
  useEffect(() => {
    // Deep links (#traces/<message_id>) from Inject, Violations, Pending, or a pasted URL.
    const follow = () => {
      const id = routeParam(window.location.hash, 'traces')
      if (id) void openTraceLink(id)
    }
    follow()
    window.addEventListener('hashchange', follow)
    return () => window.removeEventListener('hashchange', follow)
  }, [])
  const trace = useTracesStore(tracesSelectors.currentTrace)
  const searched = useTracesStore((s) => s.searched)
  const watching = useTracesStore((s) => s.watching)
  const error = useTracesStore((s) => s.error)

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target
      // Typing in the search box, moving the slider or a dialog keep their own keys.
      if (target instanceof Element && target.closest('input, select, textarea, [role="dialog"]')) return
      const step = KEY_STEPS[event.key]
      if (!step || event.altKey || event.ctrlKey || event.metaKey) return
      event.preventDefault()
      step()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <ViewFrame id="traces" title="Traces" offline="Traces already loaded and imported files can still be stepped through; finding new ones needs Redis." toolbar={
        <>
          <TraceSearch />
          <TraceFileButtons />
        </>
      }>
      <div className="traces-layout">
      <RecentTraces currentId={trace?.messageId ?? null} />
      <div className="op-traces" data-testid="trace-stepper">
        <ErrorNote message={error} />
        {searched && !trace ? <p className="op-note">No trace found.</p> : null}
        {trace ? (
          <>
            <p className="op-note">
              message <code data-testid="trace-message-id">{trace.messageId}</code>
              <CopyButton text={trace.messageId} what="message id" /> · conversation <code>{trace.conversationId}</code>
              <CopyButton text={trace.conversationId} what="conversation id" /> ·{' '}
              {trace.complete ? 'complete' : watching ? 'in flight (watching)' : 'in flight'}
            </p>
            <StepControls />
            <div className="op-split">
              <Waterfall />
              <HopDetail />
            </div>
          </>
        ) : null}
      </div>
      </div>
    </ViewFrame>
  )
}
