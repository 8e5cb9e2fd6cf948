// Lint rules that keep the architecture honest: Nx module boundaries (a service never imports another service;
// contracts import no framework), no `any`, no skipped tests, and no sleeping in tests.
import nx from '@nx/eslint-plugin';
import jest from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// kafkajs is unmaintained: keep every use of it inside libs/kafka so a client swap touches one library.
const KAFKAJS_ONLY_IN_LIB = { name: 'kafkajs', message: 'Use @complaints/kafka.' };
const TESTING_ONLY_IN_TESTS = { name: '@complaints/testing', message: 'The test harness is for tests only.' };

export default [
  { ignores: ['**/dist/**', 'node_modules/**', '.cache/**', '.nx/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:service',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:testing'],
            },
            // Platform libraries' own tests use the harness; production code may not (no-restricted-imports below).
            {
              sourceTag: 'type:platform',
              onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:testing'],
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'rxjs'],
            },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing'] },
          ],
        },
      ],
      'no-restricted-imports': ['error', { paths: [KAFKAJS_ONLY_IN_LIB, TESTING_ONLY_IN_TESTS] }],
    },
  },
  {
    files: ['libs/kafka/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [TESTING_ONLY_IN_TESTS] }] },
  },
  {
    // The harness and every test may use the harness; the harness's topic probe also uses kafkajs directly.
    files: ['libs/testing/**/*.ts', 'libs/kafka/test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '**/test/**/*.ts',
      '**/bench/**/*.ts',
      '**/eval/**/*.ts',
    ],
    ignores: ['libs/kafka/test/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [KAFKAJS_ONLY_IN_LIB] }] },
  },
  {
    // Domain code is plain TypeScript: no framework, no database, no broker.
    files: ['services/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', '@complaints/*'],
              message: 'Domain code imports no framework or library.',
            },
            {
              group: ['../application/*', '../api/*', '../infrastructure/*'],
              message: 'Domain code depends on nothing outside domain/.',
            },
          ],
          paths: [KAFKAJS_ONLY_IN_LIB, TESTING_ONLY_IN_TESTS],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    plugins: { jest },
    rules: {
      'jest/no-disabled-tests': 'error',
      'jest/no-focused-tests': 'error',
      'jest/valid-expect': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='setTimeout']",
          message: 'Use eventually() or a fake clock, not sleeps.',
        },
      ],
    },
  },
  prettier,
];
