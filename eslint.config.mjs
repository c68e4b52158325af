// ESLint 9 flat config. eslint-plugin-office-addins' stock configs match js/ts only, which silently
// skips .tsx: its file globs are widened here, and the TypeScript parser is set for every source file.
import officeAddins from 'eslint-plugin-office-addins';
import tseslint from 'typescript-eslint';

const SOURCES = ['**/*.{js,mjs,cjs,ts,cts,mts,tsx,jsx}'];
const widen = (configs) => configs.map((c) => (c.files ? { ...c, files: SOURCES } : c));
const HOST_GLOBALS = ['Excel', 'Office', 'OfficeExtension'];

export default [
  { ignores: ['dist/', 'build/', 'node_modules/', 'coverage/', 'out/', 'tests/e2e/screenshots/', '.bench/', '.e2e/', '.scratch/'] },
  ...widen(officeAddins.configs.react),
  {
    files: SOURCES,
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { console: 'readonly' },
    },
    settings: { react: { version: 'detect' } },
    rules: {
      // The Office batching rules catch real bugs: errors, not warnings.
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'react/no-danger': 'error',
      'react/prop-types': 'off',
      'react/react-in-jsx-scope': 'off',
      // TypeScript checks names; ESLint's no-undef does not know ambient types.
      'no-undef': 'off',
    },
  },
  {
    files: ['**/*.{js,cjs}', 'scripts/**', 'tests/**', 'bin/**'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' } },
  },
  {
    // exceljs code is not Office.js: its getCell/getRow look alike to the batching rules, which do not apply.
    files: ['src/xlsx/**', 'src/cli/**', 'tests/cli/**', 'tests/xlsx/**', 'tests/corpus/corpus.xlsx.test.ts', 'tests/bench/**'],
    rules: {
      'office-addins/call-sync-after-load': 'off',
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
    },
  },
  {
    // No function over about 60 lines in the product's code. Tests may keep long describe blocks.
    files: ['src/**/*.{ts,tsx,js}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Only the Excel adapter may speak to Office.js.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/excel/**'],
    rules: { 'no-restricted-globals': ['error', ...HOST_GLOBALS] },
  },
  {
    // The core is pure: no host, DOM, Node or React.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...HOST_GLOBALS,
        'window',
        'document',
        'navigator',
        'localStorage',
        'fetch',
        'process',
        'require',
        'Buffer',
        'setTimeout',
        'XMLHttpRequest',
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'react',
            'react-dom',
            'react/*',
            '@fluentui/*',
            'node:*',
            'fs',
            'path',
            'os',
            'exceljs',
            '../excel/*',
            '../xlsx/*',
            '../taskpane/*',
            '../cli/*',
            '../commands/*',
          ],
        },
      ],
    },
  },
];
