// One lint gate for the whole project. Besides the usual rules it enforces the layers below
// (as VS Code does with its import rules): only the Electron shell may import
// `electron`; the core and shared code never reach into the renderer; the renderer never
// reaches Node, SQLite or the core except through the API.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'stream', 'zlib'];

function restrict(paths, patterns) {
  return {
    'no-restricted-imports': [
      'error',
      { paths: paths.map((name) => ({ name, message: 'Not allowed in this layer .' })), patterns },
    ],
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'tests/.output/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node, parserOptions: { projectService: false } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      ['electron', 'better-sqlite3', 'react', ...NODE_BUILTINS],
      [
        {
          group: ['**/electron/**', '**/renderer/**', '@mui/*', 'node:*'],
          message: 'shared/ is pure: no platform, no UI',
        },
      ],
    ),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: restrict(
      ['electron', 'react'],
      [
        {
          group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**', '@mui/*', 'electron/*'],
          message: 'The core is plain Node: no Electron, no UI',
        },
      ],
    ),
  },
  {
    // electron/core/app is the composition root: it builds the services and the router. Only the
    // entry points (cli/, server/, electron/main, tests) import it; the parts it assembles never do,
    // so they stay replaceable (a restore rebuilds them over another database).
    files: [
      'electron/core/features/**/*.ts',
      'electron/core/db/**/*.ts',
      'electron/core/kernel/**/*.ts',
      'electron/core/documents/**/*.ts',
      'electron/core/files/**/*.ts',
      'electron/core/api/**/*.ts',
      'electron/core/security/**/*.ts',
    ],
    rules: restrict(
      ['electron', 'react'],
      [
        {
          group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**', '@mui/*', 'electron/*'],
          message: 'The core is plain Node: no Electron, no UI',
        },
        {
          group: ['**/app/*', '**/core/app/**'],
          message:
            'Only entry points import the composition root (electron/core/app): take what you need as a parameter',
        },
      ],
    ),
  },
  {
    // The shell prints and saves what the core hands it: it reaches the features only through
    // the core's assembly (electron/core/app) and its documents engine (electron/core/documents).
    files: ['electron/main/**/*.ts'],
    rules: restrict(
      [],
      [
        {
          group: ['**/core/features', '**/core/features/**'],
          message: 'electron/main never imports a feature: go through electron/core/app or electron/core/documents',
        },
      ],
    ),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict(
      ['better-sqlite3', ...NODE_BUILTINS],
      [
        {
          group: ['**/electron/core/**', '**/renderer/**', 'node:*'],
          message: 'The preload only bridges IPC',
        },
      ],
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Destructured props are plain functions in React; the rule is meant for class methods.
      '@typescript-eslint/unbound-method': 'off',
      // Event handlers may be async; their rejections are handled inside.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      ...restrict(
        ['electron', 'better-sqlite3', ...NODE_BUILTINS],
        [
          {
            group: ['**/electron/**', 'node:*'],
            message: 'The renderer reaches the back end only through the API client',
          },
        ],
      ),
    },
  },
  {
    // Build configuration runs in Node, beside the renderer it builds.
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      // Tests may read electron/main's pure policy modules, never anything that loads Electron.
      ...restrict(
        ['electron'],
        [
          {
            group: [
              '**/electron/preload/**',
              '**/electron/main/main',
              '**/electron/main/ipc',
              '**/electron/main/menu',
              '**/electron/main/print',
              '**/electron/main/protocol',
            ],
            message: 'Tests cannot load Electron (its binary cannot run where we test).',
          },
        ],
      ),
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
