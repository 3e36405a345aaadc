import type { ReactNode } from 'react'
import { OfflineNote } from './OfflineNote'

/** What a view says still works while Redis is down, unless it says better. */
export const DEFAULT_OFFLINE_TEXT = 'What is shown is the last data loaded: nothing new arrives and actions fail until Redis is back.'

interface ViewFrameProps {
  id: string
  title: string
  toolbar?: ReactNode
  /** What still works in this view while the connection is down. */
  offline?: string
  children: ReactNode
}

/** The root of every operator view: `data-view` lets e2e page objects find it. */
export function ViewFrame({ id, title, toolbar, offline = DEFAULT_OFFLINE_TEXT, children }: ViewFrameProps) {
  return (
    <section className="op-view" data-view={id} aria-label={title}>
      <header className="op-view-header">
        <h2>{title}</h2>
        {toolbar ? <div className="op-toolbar">{toolbar}</div> : null}
      </header>
      <OfflineNote stillWorks={offline} />
      <div className="op-view-body">{children}</div>
    </section>
  )
}
