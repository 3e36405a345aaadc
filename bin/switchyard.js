#!/usr/bin/env node
// The CLI is built JavaScript (dist/, made by `npm run build` or the package's
// `prepare`), run in this very process: a signal sent to this pid (Docker,
// systemd) reaches the worker, which stops with its final statistics.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = new URL('../dist/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(cli))) {
  console.error('switchyard: the CLI is not built (dist/cli.js is missing): run "npm run build:cli" in the switchyard checkout')
  process.exit(1)
}
await import(cli.href)
