import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readStatic } from '../../../src/main/host/static-files'

describe('static files of the renderer', () => {
  it('never serve anything outside the renderer folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-static-'))
    try {
      mkdirSync(join(dir, 'renderer'))
      writeFileSync(join(dir, 'renderer', 'index.html'), 'page')
      writeFileSync(join(dir, 'secret'), 'no')
      const root = join(dir, 'renderer')
      expect((await readStatic(root, '/'))?.body.toString()).toBe('page')
      expect(await readStatic(root, '/../secret')).toBeNull()
      expect(await readStatic(root, '/%2e%2e/secret')).toBeNull()
      expect(await readStatic(root, '/%E0%A4%A')).toBeNull()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
