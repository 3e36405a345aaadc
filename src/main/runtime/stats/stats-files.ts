// Writing the live and final statistics files atomically.
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { StatsCollector } from './stats-collector'
import { formatStatsReport } from './stats-format'

export const LIVE_STATS_FILE = 'agent_statistics.txt'
export const FINAL_STATS_FILE = 'agent_final_statistics.txt'

/** Writes the live or final report through a temp file, so a reader never sees half a report. */
export async function writeStatsFile(
  collector: StatsCollector,
  dir: string,
  reportIntervalSec: number,
  final: boolean,
): Promise<string> {
  await mkdir(dir, { recursive: true })
  const title = final ? 'FINAL AGENT PERFORMANCE STATISTICS' : 'COMPREHENSIVE AGENT PERFORMANCE STATISTICS'
  const text = formatStatsReport(collector.report(Date.now() / 1000, reportIntervalSec), title)
  const path = join(dir, final ? FINAL_STATS_FILE : LIVE_STATS_FILE)
  // A name of its own per write: two writers in one process (two runtimes, a live and a final report) never share a temp file.
  const temp = `${path}.${process.pid}.${randomUUID()}.tmp`
  await writeFile(temp, text, 'utf8')
  await rename(temp, path)
  return path
}
