import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../../src/main/redis/free-port'
import { waitFor } from '../../support/wait'

export interface TestPrometheus {
  url: string
  /** Instant query through the HTTP API: each series' labels and value. */
  query(expr: string): Promise<Array<{ metric: Record<string, string>; value: number }>>
  stop(): Promise<void>
}

/** Debian's prometheus on a free loopback port with temp storage, scraping `target` (host:port) every 500 ms. */
export async function startPrometheus(target: string): Promise<TestPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-prometheus-'))
  const config = join(dir, 'prometheus.yml')
  writeFileSync(config, [
    'global:',
    '  scrape_interval: 500ms',
    '  scrape_timeout: 400ms',
    'scrape_configs:',
    '  - job_name: switchyard-worker',
    '    static_configs:',
    `      - targets: ['${target}']`,
    '',
  ].join('\n'))
  const port = await freePort()
  const child: ChildProcess = spawn('/usr/bin/prometheus', [
    `--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn',
  ], { stdio: 'ignore' })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  await waitFor('prometheus ready', async () => {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}`)
    return (await fetch(`${url}/-/ready`)).ok
  }, { timeoutMs: 30_000, intervalMs: 200 })
  return {
    url,
    async query(expr) {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`)
      const body = (await response.json()) as { status: string; data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } }
      if (body.status !== 'success') throw new Error(`query ${expr} failed: ${JSON.stringify(body)}`)
      return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }))
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
