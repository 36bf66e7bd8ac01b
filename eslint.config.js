// Lint enforces the house rules of DESIGN.md as import restrictions:
// the core is plain Node (no electron, no DOM, no renderer); the renderer
// never imports Node, electron, or core internals (only the contract's types).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'events', 'stream',
  'worker_threads', 'readline', 'zlib', 'buffer', 'process', 'module', 'vm', 'tls', 'dns',
];

export default tseslint.config(
  { ignores: ['.*', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', __dirname: 'readonly' } },
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Sanitizing file names and text legitimately matches control characters.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/core is plain Node: never import electron (DESIGN.md).' }],
          patterns: [
            { group: ['electron/*'], message: 'electron/core is plain Node: never import electron.' },
            { group: ['**/renderer/**', '**/renderer'], message: 'electron/core never imports the renderer.' },
            { group: ['../main*', '../preload*', '../ipc*', '../web*', '../cli*'], message: 'core never reaches up into its front ends.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement', 'DOMParser'].map((name) => ({
          name,
          message: 'electron/core never uses DOM globals (parse HTML with linkedom).',
        })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to the core only through window.scholia.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer never imports Node built-ins.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer never imports Node built-ins.' },
            {
              // electron/shared/ is pure data and types (the command table) that main and the renderer share.
              regex: '(^|/)electron/(?!core/(api|model)\\.js$|shared/)',
              message: 'The renderer may import only the contract (electron/core/api.ts, model.ts), and only its types.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/core/api.js', '**/electron/core/model.js'],
              allowTypeImports: true,
              message: 'Import only TYPES from the contract: the renderer reaches the core through window.scholia.',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
