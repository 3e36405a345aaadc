// Seed 001's statistics report as text.
import type { StatsReport } from './stats-collector'

const RULE = '='.repeat(80)

/** Seed 001's "Statistics Output Example", line for line. */
export function formatStatsReport(report: StatsReport, title = 'COMPREHENSIVE AGENT PERFORMANCE STATISTICS'): string {
  const e = report.envelopes
  const lines = [
    RULE,
    title,
    RULE,
    '',
    `System Uptime: ${report.uptimeSec.toFixed(1)}s | Report Interval: ${report.reportIntervalSec.toFixed(1)}s`,
    `Active Agents: ${report.activeAgents}`,
    '',
    'RUN STATISTICS:',
    `   Total Runs: ${report.totalRuns} | Since Last Report: ${report.runsSinceLast}`,
    '   By Role (Total | Since Last):',
    ...report.byRole.map((r) => `      ${r.role}: ${r.total} | ${r.sinceLast}`),
    '',
    'ENVELOPE METRICS:',
    `   Total Envelopes: ${e.total} | Since Last Report: ${e.sinceLast}`,
    `   Average Envelope Age: ${e.avgAgeSec.toFixed(2)}s | Recent (last 10): ${e.recentAgeSec.toFixed(2)}s`,
    `   Average Processing Time: ${e.avgTimeSec.toFixed(2)}s | Recent: ${e.recentTimeSec.toFixed(2)}s`,
    `   Average Process Count: ${e.avgSteps.toFixed(1)} steps | Recent: ${e.recentSteps.toFixed(1)} steps`,
    '',
    'AGENT REGISTRY:',
    `   ${'Agent ID'.padEnd(20)} ${'Role'.padEnd(12)} ${'Status'.padEnd(12)} ${'Last Update'.padEnd(12)} ${'Runs'.padEnd(8)} ${'Avg Time'.padEnd(10)}`,
    `   ${'-'.repeat(20)} ${'-'.repeat(12)} ${'-'.repeat(12)} ${'-'.repeat(12)} ${'-'.repeat(8)} ${'-'.repeat(10)}`,
    ...report.registry.map(
      (r) =>
        `   ${r.agentId.padEnd(20)} ${r.role.padEnd(12)} ${r.status.padEnd(12)} ` +
        `${`${r.lastUpdateAgoSec.toFixed(1)}s ago`.padEnd(12)} ${String(r.runs).padEnd(8)} ${r.avgTimeSec.toFixed(3)}s`,
    ),
    RULE,
  ]
  return `${lines.join('\n')}\n`
}
