// The process boundaries as one lint rule: every module a file names (import,
// export … from, dynamic import(), require(), import type, typeof import())
// is checked against the zone the file lives in.
import { builtinModules } from 'node:module'
import { dirname, posix, relative, resolve } from 'node:path'

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..')
const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')))
/** Libraries that run only in the renderer (the DOM side). */
const RENDERER_ONLY = ['react', 'react-dom', 'recharts', 'zustand', '@xyflow/*', '@tanstack/*']
/** Libraries that need Node: only src/main may use them. */
const MAIN_ONLY = ['ioredis', 'electron']

/** The package a specifier names: `electron/main` → electron, `@xyflow/react/x` → @xyflow/react. */
function packageOf(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

function isNodeBuiltin(specifier) {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(packageOf(specifier))
}

function matchesPackage(specifier, patterns) {
  const name = packageOf(specifier)
  return patterns.some((p) => (p.endsWith('/*') ? name.startsWith(p.slice(0, -1)) : name === p))
}

/** Path aliases (tsconfig.base.json's paths): the folder each stands for. */
const ALIASES = { '@shared': 'src/shared' }

/** The repo-relative path (with a trailing /) a relative or aliased specifier names; null for a package. */
function targetOf(filename, specifier) {
  if (specifier.startsWith('.')) return relative(ROOT, resolve(dirname(filename), specifier)).split('\\').join('/') + '/'
  for (const [alias, folder] of Object.entries(ALIASES)) {
    if (specifier === alias || specifier.startsWith(`${alias}/`)) return posix.normalize(`${folder}${specifier.slice(alias.length)}/`)
  }
  return null
}

/**
 * Each zone, most specific first: which files it holds and what a module
 * named there must not be. `check` answers a refusal message or null;
 * `computedRefused`: an import() of a computed name is refused there.
 * `target` is the repo-relative path of a relative or aliased import, else null.
 */
const ZONES = [
  {
    name: 'preload',
    computedRefused: true,
    files: 'src/preload/',
    check: ({ specifier, target, names }) => {
      if (target !== null) return target.startsWith('src/shared/') || target.startsWith('src/preload/') ? null : 'The preload imports only src/shared and electron.'
      if (specifier !== 'electron') return 'The preload imports only electron (contextBridge, ipcRenderer) and src/shared.'
      const extra = names.filter((n) => !['contextBridge', 'ipcRenderer', 'IpcRendererEvent', '*default*'].includes(n))
      if (names.includes('*default*') || names.includes('*namespace*') || extra.length) return 'From electron the preload takes only contextBridge and ipcRenderer (and the IpcRendererEvent type).'
      return null
    },
  },
  {
    name: 'renderer',
    computedRefused: true,
    files: 'src/renderer/',
    check: ({ specifier, target }) => {
      if (target !== null) return target.startsWith('src/main/') || target.startsWith('src/preload/') ? 'The renderer reaches main only through the ControlApi (api/client).' : null
      if (isNodeBuiltin(specifier)) return 'Node built-ins run in the main process only.'
      if (matchesPackage(specifier, MAIN_ONLY)) return `${packageOf(specifier)} runs in the main process only; the renderer uses the ControlApi.`
      return null
    },
  },
  {
    name: 'shared',
    computedRefused: true,
    files: 'src/shared/',
    check: ({ specifier, target }) => {
      if (target !== null) return target.startsWith('src/shared/') ? null : 'src/shared is the contract: it imports neither side.'
      if (isNodeBuiltin(specifier) || matchesPackage(specifier, [...MAIN_ONLY, ...RENDERER_ONLY])) return 'src/shared is the contract: it imports neither side (no Node, electron, ioredis or renderer libraries).'
      return null
    },
  },
  {
    name: 'headless main (runtime, inspector)',
    files: ['src/main/runtime/', 'src/main/inspector/'],
    check: ({ specifier, target }) => {
      if (target !== null) {
        if (target.startsWith('src/main/host/') || target.startsWith('src/main/app/')) return 'runtime/ and inspector/ run headless: no host/ or app/.'
        return target.startsWith('src/renderer/') || target.startsWith('src/preload/') ? 'src/main never imports the renderer or the preload.' : null
      }
      if (packageOf(specifier) === 'electron') return 'runtime/ and inspector/ run headless: never electron.'
      if (matchesPackage(specifier, RENDERER_ONLY)) return `${packageOf(specifier)} belongs to the renderer.`
      return null
    },
  },
  {
    name: 'main',
    files: 'src/main/',
    check: ({ specifier, target }) => {
      if (target !== null) return target.startsWith('src/renderer/') || target.startsWith('src/preload/') ? 'src/main never imports the renderer or the preload.' : null
      if (matchesPackage(specifier, RENDERER_ONLY)) return `${packageOf(specifier)} belongs to the renderer.`
      return null
    },
  },
]

function zoneOf(file) {
  return ZONES.find((zone) => [zone.files].flat().some((prefix) => file.startsWith(prefix))) ?? null
}

/** The names an import declaration takes: `*default*`, `*namespace*` or each imported name. */
function importedNames(node) {
  if (node.type !== 'ImportDeclaration') return ['*namespace*']
  return node.specifiers.map((s) =>
    s.type === 'ImportDefaultSpecifier' ? '*default*' : s.type === 'ImportNamespaceSpecifier' ? '*namespace*' : (s.imported.name ?? s.imported.value),
  )
}

function literalOf(node) {
  if (!node) return null
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked
  return null
}

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Refuses imports that cross a process boundary (by the zone the file is in).' },
    schema: [],
  },
  create(context) {
    const file = relative(ROOT, context.filename).split('\\').join('/')
    const zone = zoneOf(file)
    if (!zone) return {}
    const refuseIfCrossing = (node, sourceNode, names) => {
      const specifier = literalOf(sourceNode)
      if (specifier === null) {
        // Main may load modules by a computed name (user agents); the other zones may not: it cannot be checked.
        if (!zone.computedRefused) return
        context.report({ node, message: `A computed import() cannot be checked against the ${zone.name} boundary; name the module literally.` })
        return
      }
      const target = targetOf(context.filename, specifier)
      const message = zone.check({ specifier, target, names })
      if (message) context.report({ node, message: `${message} (${zone.name} imports '${specifier}')` })
    }
    return {
      ImportDeclaration: (node) => refuseIfCrossing(node, node.source, importedNames(node)),
      ExportNamedDeclaration: (node) => node.source && refuseIfCrossing(node, node.source, ['*namespace*']),
      ExportAllDeclaration: (node) => refuseIfCrossing(node, node.source, ['*namespace*']),
      ImportExpression: (node) => refuseIfCrossing(node, node.source, ['*namespace*']),
      TSImportType: (node) => refuseIfCrossing(node, node.source ?? node.argument?.literal ?? node.argument, ['*namespace*']),
      TSExternalModuleReference: (node) => refuseIfCrossing(node, node.expression, ['*namespace*']),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') refuseIfCrossing(node, node.arguments[0], ['*namespace*'])
      },
    }
  },
}

export default { meta: { name: 'process-zones' }, rules: { imports: importsRule } }
