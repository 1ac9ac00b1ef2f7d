// npm run lint: the rules that keep the layers apart and the promises awaited.
// Layers (docs/ARCHITECTURE.md): electron/common runs anywhere, electron/node needs Node,
// electron/electron-main is the desktop shell; renderer and db may use only electron/common.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// Packages by exact name (a pattern such as 'electron' would match the folder of that name too).
const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'zlib', 'worker_threads', 'http', 'stream'];
const restrict = (message, packages, groups) => [
  'error',
  { paths: packages.map((name) => ({ name, message })), patterns: [{ group: groups, message }] },
];

export default tseslint.config(
  {
    ignores: [
      '**/lint-probe*.ts',
      'dist/**',
      'node_modules/**',
      'release/**',
      'demo-output/**',
      'data/**',
      '**/*.mjs',
      '**/*.cjs',
      '**/*.js',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts', 'eslint.config.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['tsconfig.json', 'renderer/tsconfig.json'], noWarnOnMultipleProjects: true }),
      ],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    files: ['electron/common/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        'electron/common runs anywhere: no Node module, no database, no Node service, no Electron.',
        [...NODE_BUILTINS, 'better-sqlite3', 'electron'],
        ['node:*', '**/db/**', '**/node/**', '**/electron-main/**'],
      ),
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': restrict(
        'The renderer uses only electron/common (the API contract, labels, rules) and talks to the main process through src/api.ts.',
        [...NODE_BUILTINS, 'better-sqlite3', 'electron'],
        ['node:*', '**/db/**', '**/electron/node/**', '**/electron-main/**'],
      ),
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        'db uses only electron/common: the services build on the database, not the other way round.',
        ['electron'],
        ['**/electron/node/**', '**/electron-main/**'],
      ),
    },
  },
  {
    files: ['electron/node/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        'electron/node runs without Electron: the shell is built on it, not the other way round.',
        ['electron'],
        ['**/electron-main/**'],
      ),
    },
  },
);
