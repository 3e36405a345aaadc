import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

/** Reads a file of the built renderer; null when missing or outside the folder. */
export async function readStatic(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '')
  const file = join(root, relative)
  // No path traversal: the resolved file must stay inside the renderer folder.
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return null
  try {
    return { body: await readFile(file), type: contentTypes[extname(file)] ?? 'application/octet-stream' }
  } catch {
    return null
  }
}
