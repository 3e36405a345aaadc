import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../../src/main/redis/free-port'
import { waitFor } from '../../support/wait'

export interface TlsFiles {
  dir: string
  ca: string
  serverCert: string
  serverKey: string
  clientCert: string
  clientKey: string
  /** A second CA that signed nothing the server shows: "the wrong CA". */
  wrongCa: string
}

const openssl = (dir: string, args: string[]): void => {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
}

function makeCa(dir: string, name: string): void {
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.crt`])
}

function signed(dir: string, name: string, ca: string, extensions: string): void {
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.csr`])
  writeFileSync(join(dir, `${name}.ext`), extensions)
  openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', '2', '-extfile', `${name}.ext`, '-out', `${name}.crt`])
}

/** A self-signed CA, a server certificate for 127.0.0.1 and a client certificate signed by it, and an unrelated CA. */
export function makeTlsFiles(): TlsFiles {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-tls-'))
  makeCa(dir, 'ca')
  makeCa(dir, 'wrong-ca')
  signed(dir, 'server', 'ca', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n')
  signed(dir, 'client', 'ca', 'extendedKeyUsage=clientAuth\n')
  const at = (file: string): string => join(dir, file)
  return {
    dir,
    ca: at('ca.crt'),
    serverCert: at('server.crt'),
    serverKey: at('server.key'),
    clientCert: at('client.crt'),
    clientKey: at('client.key'),
    wrongCa: at('wrong-ca.crt'),
  }
}

export interface TlsRedis {
  port: number
  url: string
  stop(): Promise<void>
}

/** redis-server with TLS only (`--port 0`) and client certificates required (`tls-auth-clients yes`). */
export async function startTlsRedis(files: TlsFiles): Promise<TlsRedis> {
  const port = await freePort()
  const child: ChildProcess = spawn('redis-server', [
    '--port', '0', '--tls-port', String(port), '--bind', '127.0.0.1',
    '--tls-cert-file', files.serverCert, '--tls-key-file', files.serverKey, '--tls-ca-cert-file', files.ca,
    '--tls-auth-clients', 'yes', '--dir', files.dir, '--save', '', '--appendonly', 'no', '--loglevel', 'warning',
  ], { stdio: 'ignore' })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await waitFor('redis-server on its TLS port', () => {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`)
    const out = execFileSync('redis-cli', ['--tls', '--cacert', files.ca, '--cert', files.clientCert, '--key', files.clientKey, '-p', String(port), 'ping'], { stdio: 'pipe' })
    return out.toString().includes('PONG')
  }, { timeoutMs: 20_000, intervalMs: 100 })
  return {
    port,
    url: `rediss://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

export function removeTlsFiles(files: TlsFiles | undefined): void {
  if (files) rmSync(files.dir, { recursive: true, force: true })
}
