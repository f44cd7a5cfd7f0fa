// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Domain code is pure: no framework, no IO, no adapters, no other context's insides. */
const pureDomain = {
  patterns: [
    {
      group: [
        '@nestjs/*',
        'node:*',
        'fs',
        'path',
        'http',
        'crypto',
        'better-sqlite3',
        'mongodb',
        '@eventstore/*',
        'fastify',
        'mingo',
        'uuid',
      ],
      message: 'domain/ is pure: no framework, IO or adapters',
    },
    {
      group: [
        '@crm/documents',
        '@crm/platform',
        '@crm/security',
        '@crm/composition',
        '**/application/**',
        '**/http/**',
        '**/projections/**',
        '**/adapters/**',
      ],
      message: 'domain/ may only use the decider types of @crm/eventsourcing and its own files',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      'bench/results/**',
      'test/artifacts/**',
      '*.config.js',
      'eslint.config.mjs',
      'test/support/*.reporter.js',
      'test/support/*-global-setup.js',
      'test/support/test-timeout.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/require-await': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    // Nest's decorators read emitted constructor types: those imports must stay value imports.
    files: [
      '**/*.controller.ts',
      '**/*.handlers.ts',
      '**/*.handler.ts',
      '**/*.module.ts',
      '**/*.guard.ts',
      '**/*.health.ts',
      '**/*-directory.ts',
      '**/email-uniqueness.ts',
      '**/*.service.ts',
      '**/*.saga.ts',
      '**/*.dto.ts',
    ],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['libs/*/src/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', pureDomain],
      '@typescript-eslint/no-restricted-imports': 'off',
    },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      'test/**/*.ts',
      '**/testing/**/*.ts',
      'bench/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
