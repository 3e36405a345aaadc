/**
 * `npm run bench`: every benchmark in one run. Each part starts its own
 * redis-server on loopback and prints its figures with their spread.
 */
import { runIdleCostBench } from './inspector/idle-cost'
import { runInspectorBench } from './inspector/index'
import { runPipelineBench } from './pipeline/index'
import { runRuntimeBench } from './runtime/index'

const only = process.argv[2]

async function main(): Promise<void> {
  if (!only || only === 'pipeline') await runPipelineBench()
  if (!only || only === 'runtime') await runRuntimeBench()
  if (!only || only === 'inspector') await runInspectorBench()
  if (!only || only === 'idle') await runIdleCostBench()
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
