import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint()

/** What the zone rule says about `code` if it stood at `filePath` (the file need not exist). */
async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  const fatal = (result?.messages ?? []).filter((m) => m.fatal)
  if (fatal.length) throw new Error(`probe did not parse: ${fatal[0]!.message}`)
  return (result?.messages ?? []).filter((m) => m.ruleId === 'zones/imports').map((m) => m.message)
}

const RENDERER = 'src/renderer/src/views/agents/Probe.tsx'
const PRELOAD = 'src/preload/probe.ts'
const SHARED = 'src/shared/api/probe.ts'
const RUNTIME = 'src/main/runtime/reader/probe.ts'
const INSPECTOR = 'src/main/inspector/streams/probe.ts'
const HOST = 'src/main/host/probe.ts'

const probes: Array<[where: string, file: string, code: string]> = [
  ['electron/main from runtime/', RUNTIME, "import { app } from 'electron/main'\nexport const a = app\n"],
  ['electron/main from inspector/', INSPECTOR, "import { app } from 'electron/main'\nexport const a = app\n"],
  ['electron from runtime/', RUNTIME, "import 'electron'\n"],
  ['app/ from runtime/', RUNTIME, "import '../../app/app-session'\n"],
  ['electron/renderer from the renderer', RENDERER, "import { ipcRenderer } from 'electron/renderer'\nexport const i = ipcRenderer\n"],
  ['electron from the renderer', RENDERER, "import 'electron'\n"],
  ['dynamic node:fs in the renderer', RENDERER, "export const load = () => import('node:fs')\n"],
  ['dynamic fs/promises in the renderer', RENDERER, "export const load = () => import('fs/promises')\n"],
  ['a dynamic import of src/main in the renderer', RENDERER, "export const load = () => import('../../../../main/runtime')\n"],
  ['a computed dynamic import in the renderer', RENDERER, "export const load = (m: string) => import(m)\n"],
  ['ioredis/built in the renderer', RENDERER, "import 'ioredis/built/utils'\n"],
  ['a type import from src/main in the renderer', RENDERER, "import type { AgentRuntime } from '../../../../main/runtime'\nexport type R = AgentRuntime\n"],
  ['typeof import(node:fs) in the renderer', RENDERER, "export type Fs = typeof import('node:fs')\n"],
  ['require(node:fs) in the renderer', RENDERER, "export const fs: unknown = require('node:fs')\n"],
  ['export … from src/main in the renderer', RENDERER, "export * from '../../../../main/runtime'\n"],
  ['node:fs in the preload', PRELOAD, "import 'node:fs'\n"],
  ['react in the preload', PRELOAD, "import 'react'\n"],
  ['src/main in the preload', PRELOAD, "import '../main/app/app-session'\n"],
  ['electron shell in the preload', PRELOAD, "import { shell } from 'electron'\nexport const s = shell\n"],
  ['electron/renderer in the preload', PRELOAD, "import { ipcRenderer } from 'electron/renderer'\nexport const i = ipcRenderer\n"],
  ['a dynamic import in the preload', PRELOAD, "export const load = () => import('node:child_process')\n"],
  ['react-dom in the inspector', INSPECTOR, "import 'react-dom'\n"],
  ['zustand in runtime/', RUNTIME, "import 'zustand'\n"],
  ['@xyflow/react in the host', HOST, "import '@xyflow/react'\n"],
  ['@tanstack/react-table in the host', HOST, "import '@tanstack/react-table'\n"],
  ['the renderer from the host', HOST, "import '../../renderer/src/api/client'\n"],
  ['src/main from shared', SHARED, "import '../../main/api/dispatch'\n"],
  ['the renderer from shared', SHARED, "import '../../renderer/src/api/client'\n"],
  ['the preload from shared', SHARED, "import '../../preload/index'\n"],
  ['node:crypto in shared', SHARED, "import 'node:crypto'\n"],
  ['ioredis in shared', SHARED, "import 'ioredis'\n"],
  ['react in shared', SHARED, "import 'react'\n"],
  ['a dynamic electron import in shared', SHARED, "export const load = () => import('electron')\n"],
  ['src/main through the @shared alias in the renderer', RENDERER, "import '@shared/../main/runtime'\n"],
  ['src/main through the @shared alias in the preload', PRELOAD, "import '@shared/../main/app/app-session'\n"],
]

describe('lint refuses every import across a process boundary', () => {
  for (const [where, file, code] of probes) {
    it(`refuses ${where}`, async () => {
      expect(await refusals(file, code)).toHaveLength(1)
    })
  }
})

describe('lint accepts what each zone may import', () => {
  const clean: Array<[where: string, file: string, code: string]> = [
    ['the renderer: react, zustand, shared, its own files', RENDERER, "import { useState } from 'react'\nimport { create } from 'zustand'\nimport type { Method } from '@shared/api'\nimport { client } from '../../api/client'\nexport const x = [useState, create, client]\nexport type M = Method\n"],
    ['the preload: contextBridge, ipcRenderer and shared', PRELOAD, "import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'\nimport { CALL_CHANNEL } from '@shared/ipc-channels'\nexport const x = [contextBridge, ipcRenderer, CALL_CHANNEL]\nexport type E = IpcRendererEvent\n"],
    ['shared: zod and shared', SHARED, "import { z } from 'zod'\nimport { CALL_CHANNEL } from '../ipc-channels'\nexport const x = [z, CALL_CHANNEL]\n"],
    ['runtime/: ioredis, node, shared, a computed import() (user agents)', RUNTIME, "import { Redis } from 'ioredis'\nimport { randomUUID } from 'node:crypto'\nimport { agentStream } from '@shared/keys'\nexport const x = [Redis, randomUUID, agentStream, () => import('node:fs'), (m: string) => import(m)]\n"],
    ['the host: electron and the runtime', HOST, "import { BrowserWindow } from 'electron'\nimport { AgentRuntime } from '../runtime'\nexport const x = [BrowserWindow, AgentRuntime]\n"],
  ]
  for (const [where, file, code] of clean) {
    it(`accepts ${where}`, async () => {
      expect(await refusals(file, code)).toEqual([])
    })
  }

  it('accepts the tree as it is (npx eslint src finds no refusal)', async () => {
    const results = await eslint.lintFiles(['src/preload/index.ts', 'src/renderer/src/api/client.ts', 'src/shared/api/index.ts', 'src/main/runtime/index.ts'])
    expect(results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'zones/imports'))).toEqual([])
  })
})
