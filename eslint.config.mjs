// Lint that encodes the architecture: no floating promises, exhaustive switches, no import cycles, and no deep
// imports into libs (a lib is used only through its public index, `@petitions/<lib>`).
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const LIB_IMPORT_PATTERNS = [
  { group: ['@petitions/*/*'], message: 'Import a lib through its public index: @petitions/<lib>.' },
  { regex: '(\\.\\./)+libs/', message: 'Import a lib through its alias @petitions/<lib>, not a path.' },
  { regex: '(\\.\\./)+services/[^/]+/src/(?!definition$)', message: 'Services do not import each other.' },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.local/**',
      '.cache/**',
      '.tools/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': ['error', { patterns: LIB_IMPORT_PATTERNS }],
    },
  },
  {
    // Contracts are what other teams' systems read: no persistence or framework type may leak into them.
    files: ['libs/contracts/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...LIB_IMPORT_PATTERNS,
            {
              group: ['typeorm', 'typeorm/*', '@nestjs/*', 'kafkajs', 'pg'],
              message: 'Contracts stay free of persistence, framework and client types.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'tests/**/*.ts', 'libs/testing/**/*.ts'],
    rules: {
      // Jest matchers and fixtures in tests: the typed-unsafe rules fight expect() chains more than they help.
      '@typescript-eslint/unbound-method': 'off',
      // kafkajs' eachMessage must be async even when a recorder only pushes to an array.
      '@typescript-eslint/require-await': 'off',
    },
  },
);
