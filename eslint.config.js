// Flat config: typescript-eslint's recommended rules (not type-aware, so lint
// stays fast) plus the process boundaries, enforced by folder.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'))
const noNode = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins run in the main process only.' })),
  patterns: [{ group: ['node:*'], message: 'Node built-ins run in the main process only.' }],
}
const electron = { name: 'electron', message: 'Only src/main (outside runtime/ and inspector/) and src/preload may import electron.' }
const ioredis = { name: 'ioredis', message: 'Redis is reached through the main process (ControlApi), never from here.' }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '**/*.tsbuildinfo'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, ioredis, ...noNode.paths],
          patterns: [
            ...noNode.patterns,
            { group: ['**/main/**', '**/main'], message: 'The renderer reaches main only through the ControlApi (api/client).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, ioredis, ...noNode.paths],
          patterns: [
            ...noNode.patterns,
            { group: ['**/main/**', '**/main', '**/renderer/**', '**/preload/**'], message: 'src/shared is the contract: it imports neither side.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/runtime/**/*.ts', 'src/main/inspector/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electron], patterns: [{ group: ['**/host/**', '**/app/**'], message: 'runtime/ and inspector/ run headless.' }] },
      ],
    },
  },
  {
    // Playwright fixtures must destructure their (empty) dependencies.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
)
