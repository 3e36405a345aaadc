import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { Command, InvalidArgumentError } from 'commander'
import { redactUrl, redisConfigFromEnv } from './redis/connection-config'
import { runWorker, type PipelineName } from './runtime/cli/worker-command'
import { runRequest } from './runtime/cli/request-command'
import { runReview } from './runtime/cli/review-command'
import { addMetricsPortOption } from './metrics/metrics-option'

const positiveInt = (value: string): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer')
  return n
}

const program = new Command()
program.name('switchyard').description('Agent pipelines on Redis Streams: worker, request, review, serve')

addMetricsPortOption(program
  .command('worker'))
  .description('run agents of the given roles until SIGINT/SIGTERM (REDIS_URL selects Redis)')
  .option('--roles <list>', 'comma-separated roles, e.g. manager,uppercase,reverse')
  .option('--pipeline <name>', 'shorthand for a role set: demo | doc-review | all')
  .option('--instances <n>', 'instances per role', positiveInt, 1)
  .option('--claim-idle-ms <ms>', 'claim pending entries idle this long', positiveInt)
  .option('--stats-dir <dir>', 'folder of the statistics files (default STATS_DIR or ./stats)')
  .action(async (opts: { roles?: string; pipeline?: string; instances: number; claimIdleMs?: number; statsDir?: string; metricsPort?: number }) => {
    const roles = opts.roles ? opts.roles.split(',').map((r) => r.trim()).filter(Boolean) : []
    const pipeline = opts.pipeline as PipelineName | undefined
    if (pipeline && !['demo', 'doc-review', 'all'].includes(pipeline)) {
      throw new InvalidArgumentError(`--pipeline must be demo, doc-review or all, got "${pipeline}"`)
    }
    await runWorker({ roles, pipeline, instances: opts.instances, claimIdleMs: opts.claimIdleMs, statsDir: opts.statsDir, metricsPort: opts.metricsPort })
  })

program
  .command('request')
  .description('send the demo request to the manager and print the result with its trace')
  .argument('<text>', 'text to process, e.g. "Hello, world!"')
  .option('--timeout <ms>', 'how long to wait for the result', positiveInt, 30_000)
  .option('--conversation <id>', 'conversation id', `cli_${process.pid}`)
  .option('--local', 'also run the demo agents in this process for the request')
  .action(async (text: string, opts: { timeout: number; conversation: string; local?: boolean }) => {
    process.exitCode = await runRequest({ text, timeoutMs: opts.timeout, conversationId: opts.conversation, local: Boolean(opts.local) })
  })

program
  .command('review')
  .description('split a text file into chunks, send them to doc.review.tasks, print the summaries')
  .argument('<file>', 'text file to review')
  .option('--timeout <ms>', 'how long to wait for all summaries', positiveInt, 60_000)
  .option('--local', 'also run the doc-review agents in this process')
  .action(async (file: string, opts: { timeout: number; local?: boolean }) => {
    const text = await readFile(file, 'utf8')
    process.exitCode = await runReview({ docId: `${basename(file)}:${Date.now()}`, text, timeoutMs: opts.timeout, local: Boolean(opts.local) })
  })

program
  .command('serve')
  .description('headless host: the ControlApi over HTTP + WebSocket and the built renderer')
  .option('--port <n>', 'loopback port', positiveInt)
  .action(async (opts: { port?: number }) => {
    const { runHeadless } = await import('./host/headless')
    await runHeadless({ port: opts.port })
  })

program
  .command('where')
  .description('print the Redis this command would use (password hidden)')
  .action(() => console.log(redactUrl(redisConfigFromEnv())))

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`switchyard: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
