/**
 * Connection failures that retrying cannot fix: a certificate that does not
 * verify, a handshake the server refuses, a wrong password. They are reported
 * at once with their reason instead of being retried quietly forever.
 */
const CERTIFICATE_CODES: Record<string, string> = {
  SELF_SIGNED_CERT_IN_CHAIN: 'the server certificate is signed by a CA that is not trusted (set REDIS_TLS_CA to the CA file)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server certificate is self-signed and not trusted (set REDIS_TLS_CA)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate cannot be verified against the trusted CA (check REDIS_TLS_CA)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the issuer of the server certificate is not trusted (check REDIS_TLS_CA)',
  UNABLE_TO_GET_ISSUER_CERT: 'the issuer of the server certificate is not trusted (check REDIS_TLS_CA)',
  CERT_SIGNATURE_FAILURE: 'the server certificate signature does not verify',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  CERT_NOT_YET_VALID: 'the server certificate is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate does not name this host (set REDIS_TLS_SERVERNAME)',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server did not answer with TLS (is this the TLS port?)',
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'the server requires a client certificate (set REDIS_TLS_CERT and REDIS_TLS_KEY)',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: 'the server rejected the client certificate',
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: 'the server does not trust the CA of the client certificate',
  ERR_OSSL_X509_KEY_VALUES_MISMATCH: 'the client key does not match the client certificate',
}

export interface ConnectionFailure {
  /** Retrying cannot help (certificate, handshake, credentials). */
  fatal: boolean
  /** One sentence with the reason, for a terminal or the status badge. */
  message: string
}

export function describeConnectionError(error: unknown): ConnectionFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? ''
  const message = error instanceof Error ? error.message : String(error)
  const known = CERTIFICATE_CODES[code]
  if (known) return { fatal: true, message: `TLS: ${known} (${code})` }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code.startsWith('ERR_OSSL_')) {
    // OpenSSL's own text is a long line of internals; its code says enough.
    return { fatal: true, message: `TLS handshake failed (${code})` }
  }
  if (/^WRONGPASS|invalid username-password/i.test(message)) {
    return { fatal: true, message: `Redis refused the user name or password (${message})` }
  }
  if (/^NOAUTH/.test(message)) return { fatal: true, message: `Redis requires a password (${message})` }
  return { fatal: false, message }
}
