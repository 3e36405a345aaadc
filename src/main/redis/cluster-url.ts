// Parsing of a Redis Cluster's seed nodes: redis+cluster:// URLs and REDIS_CLUSTER_NODES lists.

export interface ClusterNode {
  host: string
  port: number
}

export interface ParsedClusterUrl {
  nodes: ClusterNode[]
  tls: boolean
  username?: string
  password?: string
}

export const CLUSTER_SCHEMES = ['redis+cluster:', 'rediss+cluster:'] as const

export function isClusterUrl(url: string): boolean {
  return /^rediss?\+cluster:\/\//i.test(url.trim())
}

/** One `host:port` (IPv6 in brackets, `[::1]:7000`); the port defaults to 6379. */
function parseNode(text: string, where: string): ClusterNode {
  const match = /^\[([^\]]+)\](?::(\d+))?$/.exec(text) ?? /^([^:[\]]+)(?::(\d+))?$/.exec(text)
  if (!match) throw new Error(`${where}: "${text}" is not host:port`)
  const port = match[2] === undefined ? 6379 : Number(match[2])
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${where}: port of "${text}" must be 1-65535`)
  return { host: match[1]!, port }
}

/** `h1:p1,h2:p2` (spaces allowed) → nodes; at least one. */
export function parseNodeList(list: string, where = 'REDIS_CLUSTER_NODES'): ClusterNode[] {
  const parts = list.split(',').map((part) => part.trim()).filter((part) => part !== '')
  if (parts.length === 0) throw new Error(`${where} names no node (expected host:port,host:port)`)
  return parts.map((part) => parseNode(part, where))
}

/**
 * `redis+cluster://[user[:password]@]h1:p1,h2:p2[/0]` (rediss+cluster:// for TLS).
 * A Cluster has only database 0, so any other number is refused.
 */
export function parseClusterUrl(url: string): ParsedClusterUrl {
  const match = /^(rediss?)\+cluster:\/\/(?:([^@/]*)@)?([^/?#]*)(?:\/([^?#]*))?$/i.exec(url.trim())
  if (!match) throw new Error('Redis Cluster URL must look like redis+cluster://host:port,host:port')
  const [, scheme, auth, hosts, dbText] = match
  const nodes = parseNodeList(hosts ?? '', 'Redis Cluster URL')
  if (dbText && dbText !== '0') throw new Error(`Redis Cluster URL names database "${dbText}": a Cluster has only database 0`)
  const parsed: ParsedClusterUrl = { nodes, tls: scheme!.toLowerCase() === 'rediss' }
  if (auth) {
    const colon = auth.indexOf(':')
    const user = colon < 0 ? auth : auth.slice(0, colon)
    const password = colon < 0 ? '' : auth.slice(colon + 1)
    if (user) parsed.username = decodeURIComponent(user)
    if (password) parsed.password = decodeURIComponent(password)
  }
  return parsed
}

/** `host:port` as written in a URL (IPv6 in brackets). */
export function formatNode(node: ClusterNode): string {
  return `${node.host.includes(':') ? `[${node.host}]` : node.host}:${node.port}`
}
