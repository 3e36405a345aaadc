import { Command, InvalidArgumentError } from 'commander'
import { positiveInt } from './config/cli-args'
import { addMetricsPortOption } from './metrics/metrics-option'

/**
 * The `switchyard` command. Each subcommand's code is imported when it runs
 * (`--help` loads none of it), and it runs in this process: a signal sent to
 * the bin's pid reaches the worker itself.
 */
const program = new Command()
program.name('switchyard').description('Agent pipelines on Redis Streams: worker, request, review, serve')

interface WorkerOptions {
  roles?: string
  pipeline?: string
  instances: number
  claimIdleMs?: number
  statsDir?: string
  agents?: string
  metricsPort?: number
}

addMetricsPortOption(program.command('worker'))
  .description('run agents of the given roles until SIGINT/SIGTERM (REDIS_URL selects Redis)')
  .option('--agents <file>', 'your agents module (.mjs, .js or .ts): every exported BaseAgent/FlatAgent class is a role')
  .option('--roles <list>', 'comma-separated roles (built-in or from --agents), e.g. manager,uppercase,reverse')
  .option('--pipeline <name>', 'shorthand for a role set: demo | doc-review | all')
  .option('--instances <n>', 'instances per role', positiveInt, 1)
  .option('--claim-idle-ms <ms>', 'claim pending entries idle this long (default 90000)', positiveInt)
  .option('--stats-dir <dir>', 'folder of the statistics files (default STATS_DIR or ./stats)')
  .action(async (opts: WorkerOptions) => {
    const roles = opts.roles ? opts.roles.split(',').map((r) => r.trim()).filter(Boolean) : []
    const pipeline = opts.pipeline
    if (pipeline !== undefined && pipeline !== 'demo' && pipeline !== 'doc-review' && pipeline !== 'all') {
      throw new InvalidArgumentError(`--pipeline must be demo, doc-review or all, got "${pipeline}"`)
    }
    const { runWorker } = await import('./runtime/cli/worker-command')
    await runWorker({ roles, pipeline, instances: opts.instances, claimIdleMs: opts.claimIdleMs, statsDir: opts.statsDir, agents: opts.agents, metricsPort: opts.metricsPort })
  })

program
  .command('request')
  .description('send the demo request to the manager and print the result with its trace')
  .argument('<text>', 'text to process, e.g. "Hello, world!"')
  .option('--timeout <ms>', 'how long to wait for the result', positiveInt, 30_000)
  .option('--conversation <id>', 'conversation id', `cli_${process.pid}`)
  .option('--local', 'also run the demo agents in this process for the request')
  .action(async (text: string, opts: { timeout: number; conversation: string; local?: boolean }) => {
    const { runRequest } = await import('./runtime/cli/request-command')
    process.exitCode = await runRequest({ text, timeoutMs: opts.timeout, conversationId: opts.conversation, local: Boolean(opts.local) })
  })

program
  .command('review')
  .description('split a text file into chunks, send them to doc.review.tasks, print the summaries')
  .argument('<file>', 'text file to review')
  .option('--timeout <ms>', 'how long to wait for all summaries', positiveInt, 60_000)
  .option('--local', 'also run the doc-review agents in this process')
  .action(async (file: string, opts: { timeout: number; local?: boolean }) => {
    const [{ readFile }, { basename }, { runReview }] = await Promise.all([
      import('node:fs/promises'),
      import('node:path'),
      import('./runtime/cli/review-command'),
    ])
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
  .action(async () => {
    const { redactUrl, redisConfigFromEnv } = await import('./redis/connection-config')
    console.log(redactUrl(redisConfigFromEnv()))
  })

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`switchyard: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
