/**
 * Switches the shell to another view. The shell keys views by id in the URL
 * hash (see ViewDefinition.id); setting it fires `hashchange`.
 */
export function openView(viewId: string): void {
  window.location.hash = `#${viewId}`
}

/** The deep link of one message's trace: `#traces/<message_id>`. */
export const traceHref = (messageId: string): string => `#traces/${encodeURIComponent(messageId)}`

export function openTrace(messageId: string): void {
  window.location.hash = traceHref(messageId)
}

/** The part of the hash after `#view/`, decoded; null when there is none. */
export function routeParam(hash: string, viewId: string): string | null {
  const prefix = `#${viewId}/`
  if (!hash.startsWith(prefix) || hash.length === prefix.length) return null
  try {
    return decodeURIComponent(hash.slice(prefix.length))
  } catch {
    return null
  }
}
