import { connectionSelectors, useConnectionStore } from '../../stores/connection-store'

/**
 * Says plainly, at the top of a view, that Redis is unreachable and what still
 * works there. Renders nothing while connected.
 */
export function OfflineNote({ stillWorks }: { stillWorks: string }) {
  const status = useConnectionStore((s) => s.status)
  const state = connectionSelectors.badgeText(status)
  if (state === 'connected') return null
  return (
    <p className="offline-note" role="status" data-testid="offline-note">
      <strong>{state === 'connecting' ? 'Connecting to Redis…' : 'Redis is not connected.'}</strong> {stillWorks}
    </p>
  )
}
