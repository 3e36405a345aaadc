// A real Redis Cluster for tests: 3 masters + 3 replicas of redis-server on loopback ports.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { Cluster, Redis } from 'ioredis'
import { freePort } from '../../src/main/redis/free-port'
import { waitFor } from './wait'

const run = promisify(execFile)

export interface ClusterNodeProcess {
  port: number
  /** The cluster bus port (set by `cluster-port`, so it need not be port + 10000). */
  busPort: number
  child: ChildProcess
  exited: Promise<void>
}

export interface TestCluster {
  nodes: ClusterNodeProcess[]
  /** `redis+cluster://127.0.0.1:p1,127.0.0.1:p2,…` for REDIS_URL. */
  url: string
  /** `127.0.0.1:p1,127.0.0.1:p2,…` for REDIS_CLUSTER_NODES. */
  nodeList: string
  /** A plain ioredis Cluster client (the test's own view; close it with quit()). */
  client(): Cluster
  /** The node process that is master for `key` now (CLUSTER SLOTS asked through another node). */
  masterOf(key: string): Promise<ClusterNodeProcess>
  /** SIGKILLs `node` and waits until its replica has taken over its slots and the cluster is ok again. */
  failOver(node: ClusterNodeProcess): Promise<void>
  stop(): Promise<void>
}

function startNode(dir: string, port: number, busPort: number): ClusterNodeProcess {
  const nodeDir = join(dir, String(port))
  mkdirSync(nodeDir, { recursive: true })
  const child = spawn(
    'redis-server',
    [
      '--port', String(port),
      '--bind', '127.0.0.1',
      '--cluster-enabled', 'yes',
      '--cluster-port', String(busPort),
      '--cluster-config-file', join(nodeDir, 'nodes.conf'),
      // A killed master is replaced within about a second (the test waits on cluster_state, not on time).
      '--cluster-node-timeout', '1000',
      '--dir', nodeDir,
      '--save', '',
      '--appendonly', 'yes',
      '--appendfsync', 'always',
      '--logfile', join(nodeDir, 'log'),
      // Replicas sync at once, so a master may be killed as soon as the cluster is up.
      '--repl-diskless-sync-delay', '0',
    ],
    { stdio: 'ignore' },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return { port, busPort, child, exited }
}

async function ping(port: number): Promise<boolean> {
  const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 })
  probe.on('error', () => undefined) // refused until the node listens: the probe says so by rejecting
  try {
    await probe.connect()
    return (await probe.ping()) === 'PONG'
  } finally {
    probe.disconnect()
  }
}

async function ask(port: number, ...command: string[]): Promise<string> {
  const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 })
  probe.on('error', () => undefined)
  try {
    await probe.connect()
    return String(await probe.call(command[0]!, command.slice(1)))
  } finally {
    probe.disconnect()
  }
}

const clusterInfo = (port: number): Promise<string> => ask(port, 'CLUSTER', 'INFO')

/** A master, or a replica whose link to its master is up (synced: it can take over). */
async function synced(port: number): Promise<boolean> {
  const info = await ask(port, 'INFO', 'replication')
  return /role:master/.test(info) || /master_link_status:up/.test(info)
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>()
  while (ports.size < count) ports.add(await freePort())
  return [...ports]
}

/** Starts six cluster-enabled servers and joins them (`redis-cli --cluster create … --cluster-replicas 1`). */
export async function startTestCluster(): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-test-cluster-'))
  const ports = await distinctFreePorts(12)
  const nodes = Array.from({ length: 6 }, (_, i) => startNode(dir, ports[i]!, ports[i + 6]!))
  const alive = (): ClusterNodeProcess[] => nodes.filter((node) => node.child.exitCode === null && node.child.signalCode === null)
  try {
    for (const node of nodes) await waitFor(`cluster node :${node.port} answering PING`, () => ping(node.port), 20_000)
    await run('redis-cli', ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '1', '--cluster-yes'], { timeout: 60_000 })
    for (const node of nodes) {
      await waitFor(`cluster_state:ok on :${node.port}`, async () => /cluster_state:ok/.test(await clusterInfo(node.port)), 30_000)
      await waitFor(`:${node.port} synced with its master`, () => synced(node.port), 30_000)
    }
  } catch (error) {
    for (const node of nodes) node.child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  const nodeList = nodes.map((n) => `127.0.0.1:${n.port}`).join(',')

  const slotsFrom = async (): Promise<Array<[number, number, number]>> => {
    for (const node of alive()) {
      try {
        const probe = new Redis({ port: node.port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 })
        probe.on('error', () => undefined)
        try {
          await probe.connect()
          const slots = (await probe.call('CLUSTER', 'SLOTS')) as Array<[number, number, [string, number, ...unknown[]], ...unknown[]]>
          return slots.map(([from, to, master]) => [from, to, Number(master[1])])
        } finally {
          probe.disconnect()
        }
      } catch {
        // this node does not answer: ask the next
      }
    }
    throw new Error('no cluster node answers CLUSTER SLOTS')
  }

  return {
    nodes,
    url: `redis+cluster://${nodeList}`,
    nodeList,
    client: () => new Cluster(alive().map((n) => ({ host: '127.0.0.1', port: n.port }))),
    async masterOf(key: string) {
      const probe = new Redis({ port: alive()[0]!.port, host: '127.0.0.1', lazyConnect: true })
      probe.on('error', () => undefined)
      let slot: number
      try {
        await probe.connect()
        slot = Number(await probe.call('CLUSTER', 'KEYSLOT', key))
      } finally {
        probe.disconnect()
      }
      const range = (await slotsFrom()).find(([from, to]) => slot >= from && slot <= to)
      const node = nodes.find((n) => n.port === range?.[2])
      if (!node) throw new Error(`no master owns slot ${slot} of ${key}`)
      return node
    },
    async failOver(node: ClusterNodeProcess) {
      const owned = (await slotsFrom()).filter(([, , port]) => port === node.port)
      node.child.kill('SIGKILL')
      await node.exited
      await waitFor(
        `a replica of :${node.port} serving its ${owned.length} slot ranges`,
        async () => {
          const slots = await slotsFrom()
          return owned.every(([from]) => slots.some(([f, , port]) => f === from && port !== node.port))
        },
        30_000,
      )
      for (const other of alive()) {
        await waitFor(`cluster_state:ok on :${other.port} after the failover`, async () => /cluster_state:ok/.test(await clusterInfo(other.port)), 30_000)
      }
    },
    async stop() {
      for (const node of nodes) node.child.kill('SIGTERM')
      await Promise.all(nodes.map((n) => n.exited))
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
