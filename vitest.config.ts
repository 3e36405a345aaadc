import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared') } },
  test: {
    // unit + integration; e2e runs through its own config (test/e2e).
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'examples/**/*.test.ts'],
    // Tests spawn the built CLI (bin/switchyard.js → dist/): built once here when stale.
    globalSetup: ['test/support/global-build.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each integration file starts its own redis-server; two cores here.
    maxWorkers: 2,
    reporters: ['default'],
  },
})
