// Lint enforces the house rules of docs/ARCHITECTURE.md ("The layers"):
// - layers by folder (eslint-rules/layers.js, modelled on VS Code's code-layering):
//   core rooms import core only, another room only through its public modules;
//   core never imports electron, the renderer or its front ends; the renderer
//   imports no Node and no electron, only the contract's types; the preload
//   imports only the generated channel list;
// - no DOM globals in the core, however spelt (window, globalThis.document…);
// - no import cycles (import-x/no-cycle);
// - promises are awaited or handled (type-aware no-floating-promises, no-misused-promises).
// tests/unit/lint/ proves each rule on violating and clean files.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import local from './eslint-rules/layers.js';

const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'HTMLElement',
  'DOMParser',
  'self',
];
const domMessage = 'electron/core never uses DOM globals (parse HTML with linkedom).';

export default tseslint.config(
  {
    ignores: [
      '.*',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', require: 'readonly', __dirname: 'readonly' },
    },
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    plugins: { local },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Sanitizing file names and text legitimately matches control characters.
      'no-control-regex': 'off',
      'local/layers': 'error',
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error (and its ordering).
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts', 'playwright.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // Preact's act() flushes a synchronous callback before it returns; its promise is a formality.
          allowForKnownSafeCalls: [{ from: 'package', name: 'act', package: 'preact/test-utils' }],
        },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Cycles make load order matter and rooms inseparable.
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.json', 'renderer/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: domMessage }))],
      'no-restricted-properties': [
        'error',
        ...['globalThis', 'window', 'self'].flatMap((object) =>
          DOM_GLOBALS.map((property) => ({ object, property, message: domMessage })),
        ),
      ],
    },
  },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
