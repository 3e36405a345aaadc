import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AppSession } from '../../../src/main/app/app-session'
import { noSecretStore } from '../../../src/main/app/secret-store'
import { waitFor } from '../../support/wait'
import { spawnWorker, type WorkerProcess } from '../runtime/worker-process'
import { runCli } from './cli-run'
import { makeTlsFiles, removeTlsFiles, startTlsRedis, type TlsFiles, type TlsRedis } from './tls-server'

describe('Redis on a TLS port with a self-signed CA and client certificates required', () => {
  let files: TlsFiles
  let redis: TlsRedis
  let dataDir: string
  const workers: WorkerProcess[] = []
  const sessions: AppSession[] = []

  const tlsEnv = (ca: string): Record<string, string> => ({
    REDIS_URL: redis.url,
    REDIS_TLS_CA: ca,
    REDIS_TLS_CERT: files.clientCert,
    REDIS_TLS_KEY: files.clientKey,
    STATS_DIR: join(dataDir, 'stats'),
  })

  beforeAll(async () => {
    files = makeTlsFiles()
    redis = await startTlsRedis(files)
    dataDir = mkdtempSync(join(tmpdir(), 'switchyard-tls-app-'))
  })
  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGTERM')
      await worker.exited
    }
    for (const session of sessions.splice(0)) await session.close()
  })
  afterAll(async () => {
    await redis?.stop()
    removeTlsFiles(files)
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('a worker and `request` connect with the CA, certificate and key: the demo answers', async () => {
    const worker = spawnWorker(['--pipeline', 'demo'], tlsEnv(files.ca))
    workers.push(worker)
    await worker.ready
    const run = await runCli(['request', 'Hello, TLS!'], tlsEnv(files.ca))
    expect(run.output).toContain('!SLT ,OLLEH')
    expect(run.code).toBe(0)
  })

  it('with the wrong CA the worker and `request` exit and say the certificate is not trusted', async () => {
    const worker = spawnWorker(['--pipeline', 'demo'], tlsEnv(files.wrongCa))
    workers.push(worker)
    const exit = await worker.exited
    expect(exit.code).toBe(1)
    expect(worker.output()).toMatch(/TLS: .*not trusted.*REDIS_TLS_CA/)

    const run = await runCli(['request', 'Hello'], tlsEnv(files.wrongCa))
    expect(run.code).toBe(1)
    expect(run.output).toMatch(/request failed: .*TLS: .*not trusted/)
  })

  it('without a client certificate the reason is the missing certificate, not a hang', async () => {
    const run = await runCli(['request', 'Hello'], { ...tlsEnv(files.ca), REDIS_TLS_CERT: '', REDIS_TLS_KEY: '' })
    expect(run.code).toBe(1)
    expect(run.output).toMatch(/request failed: .*TLS: the server requires a client certificate \(set REDIS_TLS_CERT and REDIS_TLS_KEY\)/)
  })

  it("the app's session connects with the CA, certificate and key and runs the demo", async () => {
    const session = new AppSession({ dataDir, secrets: noSecretStore, env: { ...tlsEnv(files.ca), SWITCHYARD_AGENTS: 'demo' } })
    sessions.push(session)
    await session.start()
    await waitFor('connected over TLS', () => session.status().state === 'connected', { timeoutMs: 20_000 })
    expect(session.status().target).toBe(`rediss://127.0.0.1:${redis.port}/0`)
    const result = await session.runtime()!.request('conv-tls', 'Hello, world!', { timeoutMs: 15_000 })
    expect(result.payload.text).toBe('!DLROW ,OLLEH')
  })

  it("the app's session with the wrong CA shows why on its status; the Test button says it too", async () => {
    const session = new AppSession({ dataDir, secrets: noSecretStore, env: tlsEnv(files.wrongCa) })
    sessions.push(session)
    void session.start()
    const status = await waitFor('the reason on the status', () => /TLS: .*not trusted/.test(session.status().error ?? '') && session.status())
    expect(status.state).not.toBe('connected')
    const config = { url: redis.url, tlsSettings: { caFile: files.wrongCa, certFile: files.clientCert, keyFile: files.clientKey } }
    // A connect timeout far beyond the wait proves the answer comes from the certificate error itself.
    await expect(session.test({ ...config, connectTimeoutSec: 120 })).rejects.toThrow(/TLS: .*not trusted/)
  })

  it('a TLS file that cannot be read is named in the error', async () => {
    const run = await runCli(['request', 'Hello'], { ...tlsEnv(files.ca), REDIS_TLS_CA: join(files.dir, 'missing.crt') })
    expect(run.code).toBe(1)
    expect(run.output).toMatch(/CA \(REDIS_TLS_CA\) file .*missing\.crt cannot be read \(ENOENT\)/)
  })
})
