import type { ReactNode } from 'react'

/** The root of every operator view: `data-view` lets e2e page objects find it. */
export function ViewFrame({ id, title, toolbar, children }: { id: string; title: string; toolbar?: ReactNode; children: ReactNode }) {
  return (
    <section className="op-view" data-view={id} aria-label={title}>
      <header className="op-view-header">
        <h2>{title}</h2>
        {toolbar ? <div className="op-toolbar">{toolbar}</div> : null}
      </header>
      <div className="op-view-body">{children}</div>
    </section>
  )
}
