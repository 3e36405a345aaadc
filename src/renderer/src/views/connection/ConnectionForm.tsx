import { useState } from 'react'
import { connectionParamsSchema } from '@shared/api'
import { connectWith, testConnection, useConnectionStore } from '../../stores/connection-store'
import { fieldErrors, messageOf } from '../field-errors'
import { TlsFields, tlsParams, type TlsFieldValues } from './TlsFields'

/** URL, user, password, TLS (CA, client certificate and key); validated with the contract's schema before anything is sent. */
export function ConnectionForm() {
  const canSavePasswords = useConnectionStore((s) => s.status?.canSavePasswords ?? false)
  const [url, setUrl] = useState('redis://127.0.0.1:6379/0')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [tls, setTls] = useState(false)
  const [tlsFields, setTlsFields] = useState<TlsFieldValues>({ caFile: '', certFile: '', keyFile: '', servername: '', verify: true })
  const [name, setName] = useState('')
  const [save, setSave] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const params = () => {
    const parsed = connectionParamsSchema.safeParse({
      url: url.trim(),
      username: username || undefined,
      password: password || undefined,
      tls,
      ...(tls ? tlsParams(tlsFields) : {}),
    })
    setErrors(parsed.success ? {} : fieldErrors(parsed.error))
    return parsed.success ? parsed.data : null
  }

  const run = async (work: () => Promise<string>) => {
    setBusy(true)
    setOutcome(null)
    try {
      setOutcome({ ok: true, text: await work() })
    } catch (error) {
      setOutcome({ ok: false, text: messageOf(error) })
    } finally {
      setBusy(false)
    }
  }

  const test = () => {
    const p = params()
    if (p) void run(() => testConnection(p))
  }
  const connect = () => {
    const p = params()
    if (p) void run(() => connectWith(p, { name: name || undefined, save }))
  }

  return (
    <form className="form" data-testid="connection-form" onSubmit={(e) => (e.preventDefault(), connect())}>
      <label>
        URL
        <input name="url" value={url} onChange={(e) => setUrl(e.target.value)} aria-invalid={Boolean(errors.url)} />
        {errors.url && <span className="field-error" data-field-error="url">{errors.url}</span>}
      </label>
      <label>
        Username
        <input name="username" value={username} autoComplete="off" onChange={(e) => setUsername(e.target.value)} />
        {errors.username && <span className="field-error" data-field-error="username">{errors.username}</span>}
      </label>
      <label>
        Password
        <input name="password" type="password" value={password} autoComplete="off" onChange={(e) => setPassword(e.target.value)} />
        {errors.password && <span className="field-error" data-field-error="password">{errors.password}</span>}
      </label>
      <label className="check">
        <input name="tls" type="checkbox" checked={tls} onChange={(e) => setTls(e.target.checked)} /> TLS
      </label>
      {tls && <TlsFields values={tlsFields} onChange={setTlsFields} errors={errors} />}
      <label>
        Name (for the saved list)
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="check">
        <input name="save" type="checkbox" checked={save} onChange={(e) => setSave(e.target.checked)} /> Save this connection
        {save && !canSavePasswords && <span className="hint"> (this mode never stores passwords)</span>}
      </label>
      <div className="actions">
        <button type="button" onClick={test} disabled={busy}>Test</button>
        <button type="submit" className="primary" disabled={busy}>Connect</button>
      </div>
      {outcome && (
        <p className={outcome.ok ? 'ok' : 'error'} role="status" data-testid="connection-outcome">
          {outcome.text}
        </p>
      )}
    </form>
  )
}
