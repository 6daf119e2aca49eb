import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'build', 'data', '.react-router', 'coverage', 'src/web/lib/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The web app talks to the server only over HTTP, with types generated from the OpenAPI document.
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'The web app must not import server code; use the generated API client.' }] }],
    },
  },
  {
    files: ['src/server/modules/**/*.ts'],
    rules: {
      // A module's service file is its only public surface: never reach into another module's tables or routes.
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./[^/]+/(schema|routes|policy)(\\.ts)?$', message: "Import another module's service.ts, never its schema or routes." }] }],
    },
  },
);
