import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

/**
 * Three bundles: main (ESM, deps external), preload (ONE CommonJS file: a
 * sandboxed preload can neither load ESM nor require sibling files), renderer.
 */
/** @shared/… names src/shared from every bundle (tsconfig.base.json's paths). */
const resolveShared = { alias: { '@shared': resolve('src/shared') } }

export default defineConfig({
  main: {
    resolve: resolveShared,
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    resolve: resolveShared,
    build: {
      outDir: 'out/preload',
      // Bundle everything (zod-free contract types only) into one file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    resolve: resolveShared,
    build: {
      outDir: 'out/renderer',
      // The page is served to a browser (or Electron's window) on every start: a minified bundle parses faster.
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
})
