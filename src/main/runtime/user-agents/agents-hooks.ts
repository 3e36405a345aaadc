// Module hooks that let Node load a user's TypeScript agents module.
/**
 * Module hooks (node:module register) for a user's agents module, scoped to
 * its folder (node_modules excluded): TypeScript files there are stripped of
 * their types by sucrase as they load, with no build step by the user, and
 * imports written the TypeScript way (`./x.js` for x.ts, or no extension)
 * find the .ts file; a .js of import/export statements is a module even
 * where package.json says "commonjs" (what `npm init -y` writes). A
 * reload's cache-busting query on the module is passed on to its own files,
 * so an edited helper is re-read too. Everything outside the scope goes by
 * untouched.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { transform } from 'sucrase'
import { RELOAD_QUERY } from './reload-query'

interface ResolveResult {
  url: string
  format?: string | null
  shortCircuit?: boolean
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<ResolveResult>
interface ResolveContext {
  parentURL?: string
  conditions?: string[]
  importAttributes?: Record<string, string>
}
interface LoadResult {
  format: string
  source?: string | ArrayBuffer | Uint8Array
  shortCircuit?: boolean
}
type NextLoad = (url: string, context: { format?: string | null }) => Promise<LoadResult>

const TYPESCRIPT = /\.(m?ts)$/

let scope = ''

export function initialize(data: { scope: string }): void {
  scope = data.scope
}

const inScope = (url: string | undefined): url is string =>
  Boolean(url && scope && url.startsWith(scope) && !url.includes('/node_modules/'))

function reloadQueryOf(url: string): string | null {
  const query = new URL(url).searchParams.get(RELOAD_QUERY)
  return query === null ? null : `${RELOAD_QUERY}=${encodeURIComponent(query)}`
}

function carryReload(result: ResolveResult, parentURL: string | undefined): ResolveResult {
  if (!inScope(parentURL) || !inScope(result.url) || result.url.includes('?')) return result
  const query = reloadQueryOf(parentURL)
  return query ? { ...result, url: `${result.url}?${query}` } : result
}

/** `./x.js` → `./x.ts`, `./x` → `./x.ts`: how TypeScript sources name their imports. */
function typescriptSpellings(specifier: string): string[] {
  if (/\.m?js$/.test(specifier)) return [specifier.replace(/\.(m?)js$/, '.$1ts')]
  if (!/\.[a-z]+$/i.test(specifier)) return [`${specifier}.ts`, `${specifier}/index.ts`]
  return []
}

export async function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve): Promise<ResolveResult> {
  const parent = context.parentURL
  try {
    return carryReload(await nextResolve(specifier, context), parent)
  } catch (error) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../')
    if (!relative || !inScope(parent)) throw error
    for (const spelling of typescriptSpellings(specifier)) {
      try {
        return carryReload(await nextResolve(spelling, context), parent)
      } catch {
        // try the next spelling; the original error is the one to show
      }
    }
    throw error
  }
}

/** A top-level import or export statement: the file is an ES module whatever its package.json says. */
const MODULE_SYNTAX = /^\s*(import\s*[\w{*'"]|export\s)/m

export async function load(url: string, context: { format?: string | null }, nextLoad: NextLoad): Promise<LoadResult> {
  const pathname = new URL(url).pathname
  if (!inScope(url)) return nextLoad(url, context)
  const path = fileURLToPath(url.replace(/\?.*$/, ''))
  // `npm init -y` writes "type": "commonjs": a .js of `import`s there is still meant as a module (Node 22 detects it too).
  if (pathname.endsWith('.js')) {
    const result = await nextLoad(url, context)
    if (result.format !== 'commonjs') return result
    const text = await readFile(path, 'utf8')
    return MODULE_SYNTAX.test(text) ? { format: 'module', source: text, shortCircuit: true } : result
  }
  if (!TYPESCRIPT.test(pathname)) return nextLoad(url, context)
  const source = await readFile(path, 'utf8')
  const { code } = transform(source, {
    transforms: ['typescript'],
    filePath: path,
    disableESTransforms: true,
    keepUnusedImports: false,
  })
  return { format: 'module', source: code, shortCircuit: true }
}
