import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { StatsCollector } from '../../../src/main/runtime/stats/stats-collector'
import { LIVE_STATS_FILE, writeStatsFile } from '../../../src/main/runtime/stats/stats-files'

describe('statistics files', () => {
  let dir = ''
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('many writers of one process into one folder at once: every write lands whole, no temp file left', async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchyard-stats-files-'))
    const collectors = Array.from({ length: 8 }, () => new StatsCollector())
    await Promise.all(collectors.flatMap((c) => [writeStatsFile(c, dir, 5, false), writeStatsFile(c, dir, 5, false)]))
    expect(readdirSync(dir)).toEqual([LIVE_STATS_FILE])
    expect(readFileSync(join(dir, LIVE_STATS_FILE), 'utf8')).toContain('COMPREHENSIVE AGENT PERFORMANCE STATISTICS')
  })
})
