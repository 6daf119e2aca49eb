import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['node_modules', 'build', 'data', '.react-router', 'coverage', 'src/web/lib/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Modules add their action names to the guard's PolicyActions by declaration merging (`extends Record<…>`).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The web app talks to the server only over HTTP, with types generated from the OpenAPI document.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**'], message: 'The web app must not import server code; use the generated API client.' }] },
      ],
    },
  },
  {
    files: ['src/server/modules/*/**/*.ts'],
    rules: {
      // A module's service.ts is its only public surface: never reach into another module's tables, routes, policies or
      // helpers. Platform pieces (http/, db/, audit/, jobs/) are imported directly.
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./[a-z-]+/(?!service\\.ts$)', message: 'Import another module only through its service.ts.' }] },
      ],
    },
  },
  {
    // The one documented exception: tables may hold foreign keys to identity's users table.
    files: ['src/server/modules/*/schema.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!identity/schema\\.ts$)[a-z-]+/(?!service\\.ts$)',
              message: "Import another module only through its service.ts (schema files may reference identity's users table).",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests drive a module through the whole app and may set up other modules' data directly.
    files: ['src/server/modules/**/*.test.ts', 'src/server/modules/**/test-*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // Formatting is Prettier's (checked by `npm run lint`); no lint rule may disagree with it.
  prettier,
);
