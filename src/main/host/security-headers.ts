import { contentSecurityPolicy } from './content-security'

/**
 * Headers on every answer of the headless host, refusals included: a 401 or
 * 404 page is a document too, and must not be sniffed, framed or scripted.
 */
export function securityHeaders(connectSrc: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(connectSrc),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer', // the token is in the page URL
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  }
}
