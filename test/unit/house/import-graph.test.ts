import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import madge from 'madge'
import { describe, expect, it } from 'vitest'

type Graph = Record<string, string[]>

/** The import graph of `roots` (type imports included: a cycle of types is still a knot to untie). */
async function importGraph(roots: string[], baseDir?: string): Promise<Graph> {
  const result = await madge(roots, {
    fileExtensions: ['ts', 'tsx'],
    tsConfig: 'tsconfig.base.json',
    ...(baseDir ? { baseDir } : {}),
    detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
  })
  return result.obj()
}

/** Every cycle, each as the files on it. */
function cycles(graph: Graph): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (file: string): void => {
    state.set(file, 'open')
    path.push(file)
    for (const next of graph[file] ?? []) {
      if (state.get(next) === 'open') found.push(path.slice(path.indexOf(next)))
      else if (!state.has(next)) visit(next)
    }
    path.pop()
    state.set(file, 'done')
  }
  for (const file of Object.keys(graph)) if (!state.has(file)) visit(file)
  return found
}

/** Imports that run upward: a file importing the index (the public face) of a folder it lives in. */
function upwardArrows(graph: Graph): string[] {
  const arrows: string[] = []
  for (const [from, targets] of Object.entries(graph)) {
    for (const to of targets) {
      if (!/(^|\/)index\.tsx?$/.test(to)) continue
      const folder = dirname(to)
      if (from !== to && from.startsWith(`${folder}/`) && dirname(from) !== folder) arrows.push(`${from} → ${to}`)
    }
  }
  return arrows
}

const SOURCES = ['src/main', 'src/preload', 'src/renderer/src', 'src/shared']

describe('the import graph of src', () => {
  it('has no cycle and no upward arrow (no room imports the index of a folder around it)', async () => {
    const graph = await importGraph(SOURCES)
    expect(Object.keys(graph).length).toBeGreaterThan(200) // every file was read, aliases resolved
    expect(Object.values(graph).flat().filter((to) => to.includes('@shared'))).toEqual([])
    expect(cycles(graph)).toEqual([])
    expect(upwardArrows(graph)).toEqual([])
  })

  it('finds a cycle and an upward arrow when they are there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-graph-'))
    try {
      const write = (file: string, text: string): void => {
        mkdirSync(dirname(join(dir, file)), { recursive: true })
        writeFileSync(join(dir, file), text)
      }
      write('a.ts', "import { b } from './b'\nexport const a = () => b\n")
      write('b.ts', "import type { a } from './a'\nexport const b = 1\nexport type A = typeof a\n")
      write('room/index.ts', "export { inner } from './inner/part'\n")
      write('room/inner/part.ts', "import '../index'\nexport const inner = 1\n")
      const graph = await importGraph([dir], dir)
      expect(cycles(graph).map((c) => [...c].sort())).toContainEqual(['a.ts', 'b.ts'])
      expect(upwardArrows(graph)).toEqual(['room/inner/part.ts → room/index.ts'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
