import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const electronOnly = {
  name: 'electron',
  message: 'Only electron/shell and electron/preload may import electron.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', '.data/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { paths: [electronOnly] }],
    },
  },
  // Boundaries: the four rooms under electron/, one contract in shared/, a Node-free renderer.
  {
    files: ['electron/shell/**', 'electron/preload/**', 'test/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/core/**', 'electron/host/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            { group: ['**/renderer/**', '**/shell/**', '**/preload/**'], message: 'core and host stay Electron-free and UI-free.' },
            { group: ['**/cli/**'], message: 'The developer commands use the core and the host, never the other way round.' },
          ],
        },
      ],
    },
  },
  // A migration is frozen history: it carries its own constants and normalisation, so a later
  // change to shared/ or the repos cannot make new installs differ from upgraded ones.
  {
    files: ['electron/core/db/migrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            { group: ['**/shared/**', '**/repos/**', '**/renderer/**', '**/shell/**', '**/preload/**', '**/cli/**'], message: 'A migration imports no domain code: copy what it needs into it, frozen.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [{ group: ['**/renderer/**', '**/shell/**', '**/preload/**'], message: 'The developer commands run under plain Node, without Electron.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer imports no Node module.' }))],
          patterns: [
            { group: ['node:*'], message: 'The renderer imports no Node module.' },
            { group: ['**/electron/**', 'better-sqlite3', 'pdfmake', 'pdfmake/*'], message: 'The renderer reaches the main process only through the contract client.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs on both sides: no Node modules.' }))],
          patterns: [
            { group: ['node:*'], message: 'shared/ runs on both sides: no Node modules.' },
            { group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom', 'zustand', 'better-sqlite3'], message: 'shared/ imports neither side.' },
          ],
        },
      ],
    },
  },
);
