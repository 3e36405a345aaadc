/**
 * The deep link of one message's trace: `#traces/<message_id>`. Ids keep their
 * colons readable (seed-style ids are `uuid:ts:hex`); only what a fragment
 * cannot hold is escaped, and routeParam decodes either form.
 */
export const traceHref = (messageId: string): string => `#traces/${encodeURIComponent(messageId).replace(/%3A/gi, ':')}`

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
