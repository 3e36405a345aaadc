import { useCallback, useEffect, useState } from 'react'
import { viewOfHash } from './route'

/** The current view id lives in the URL hash (#agents), so reloads keep it. */
export function useHashRoute(): [string, (id: string) => void] {
  const read = () => viewOfHash(window.location.hash)
  const [route, setRoute] = useState(read)
  useEffect(() => {
    const onChange = () => setRoute(read())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  const navigate = useCallback((id: string) => {
    // replaceState keeps ?token= in the URL and does not pile up history.
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${id}`)
    setRoute(id)
  }, [])
  return [route, navigate]
}
