import { traceHref } from './trace-link'

export { routeParam, traceHref } from './trace-link'

/**
 * Switches the shell to another view. The shell keys views by id in the URL
 * hash (see ViewDefinition.id); setting it fires `hashchange`.
 */
export function openView(viewId: string): void {
  window.location.hash = `#${viewId}`
}

export function openTrace(messageId: string): void {
  window.location.hash = traceHref(messageId)
}
