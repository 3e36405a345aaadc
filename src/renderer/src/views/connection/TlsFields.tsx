import type { ConnectionParams } from '@shared/api'

export interface TlsFieldValues {
  caFile: string
  certFile: string
  keyFile: string
  servername: string
  verify: boolean
}

/** The form's TLS values as contract fields; empty ones are left out. */
export function tlsParams(values: TlsFieldValues): Partial<ConnectionParams> {
  const params: Partial<ConnectionParams> = {}
  if (values.caFile.trim()) params.tlsCaFile = values.caFile.trim()
  if (values.certFile.trim()) params.tlsCertFile = values.certFile.trim()
  if (values.keyFile.trim()) params.tlsKeyFile = values.keyFile.trim()
  if (values.servername.trim()) params.tlsServername = values.servername.trim()
  if (!values.verify) params.tlsRejectUnauthorized = false
  return params
}

const FILES: Array<{ field: 'caFile' | 'certFile' | 'keyFile'; param: string; label: string; placeholder: string }> = [
  { field: 'caFile', param: 'tlsCaFile', label: 'CA file (PEM)', placeholder: '/etc/redis/tls/ca.crt' },
  { field: 'certFile', param: 'tlsCertFile', label: 'Client certificate (PEM)', placeholder: '/etc/redis/tls/client.crt' },
  { field: 'keyFile', param: 'tlsKeyFile', label: 'Client key (PEM)', placeholder: '/etc/redis/tls/client.key' },
]

/**
 * Paths of the TLS files on the machine that runs Switchyard's main process
 * (it reads them; the renderer never sees their contents), stored like passwords.
 */
export function TlsFields(props: { values: TlsFieldValues; onChange: (next: TlsFieldValues) => void; errors: Record<string, string> }) {
  const { values, onChange, errors } = props
  return (
    <fieldset className="tls-fields" data-testid="tls-fields">
      <legend>TLS</legend>
      {FILES.map(({ field, param, label, placeholder }) => (
        <label key={field}>
          {label}
          <input name={param} value={values[field]} placeholder={placeholder} autoComplete="off" onChange={(e) => onChange({ ...values, [field]: e.target.value })} />
          {errors[param] && <span className="field-error" data-field-error={param}>{errors[param]}</span>}
        </label>
      ))}
      <label>
        Server name (default: the URL's host)
        <input name="tlsServername" value={values.servername} autoComplete="off" onChange={(e) => onChange({ ...values, servername: e.target.value })} />
      </label>
      <label className="check">
        <input name="tlsRejectUnauthorized" type="checkbox" checked={values.verify} onChange={(e) => onChange({ ...values, verify: e.target.checked })} /> Verify the server certificate
      </label>
    </fieldset>
  )
}
