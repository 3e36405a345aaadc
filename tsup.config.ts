import { defineConfig } from 'tsup'

/**
 * The package's built JavaScript (dist/), made by `npm run build` and by
 * `prepare` (npm ci, npm install <checkout>): the SDK with its types, the
 * CLI (worker, request, review, serve: each subcommand a chunk loaded on
 * use) and the loader hooks for a user's TypeScript agents. One build with
 * shared chunks: the CLI and `import 'switchyard'` in a user's module get the
 * same classes. Dependencies stay external (installed beside it).
 */
export default defineConfig({
  entry: {
    'sdk/index': 'src/main/runtime/sdk/index.ts',
    cli: 'src/main/cli.ts',
    'agents-hooks': 'src/main/runtime/user-agents/agents-hooks.ts',
  },
  outDir: 'dist',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  splitting: true,
  sourcemap: true,
  clean: true,
  dts: { entry: { 'sdk/index': 'src/main/runtime/sdk/index.ts' }, compilerOptions: { composite: false } },
  tsconfig: 'tsconfig.node.json',
})
