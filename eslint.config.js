// ESLint 9 flat config. `npm run lint` must stay at zero problems; tests/unit/lint-rules.test.ts proves the
// security rules below still fire, so this file cannot silently rot.
import js from '@eslint/js';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Code that ships in the extension (content scripts, background, popup/options/report pages). */
const SHIPPED = ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'utils/**/*.{ts,tsx}'];
// Tests and scripts (Node, vitest, Playwright) get the same real-bug rules but not the shipped-code security block:
// they build fixtures with innerHTML on purpose and never ship.

export default defineConfig(
  {
    // Dot folders hold build output (.output*), WXT's generated types (.wxt), artifacts and scratch copies.
    ignores: ['node_modules/', '.*/', 'dist/', 'coverage/', 'docs/screenshots/', 'web-ext-artifacts/'],
  },
  js.configs.recommended,
  // The non-type-checked recommended set: real-bug rules, no stylistic ones.
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are deliberately unused (positional parameters, destructuring rests).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Shipped code: a page must never be able to inject markup or code into Vigie's UI.
    files: SHIPPED,
    // Colocated unit tests (utils/**/x.test.ts) run in happy-dom under vitest and are never bundled.
    ignores: ['**/*.test.{ts,tsx}'],
    languageOptions: {
      // The eval rules only recognise a call on a known global: these are the browser globals they look up
      // (setTimeout('code'), window.eval(x), globalThis.setInterval(x)…). TypeScript checks every other name.
      globals: { window: 'readonly', self: 'readonly', globalThis: 'readonly', setTimeout: 'readonly', setInterval: 'readonly', execScript: 'readonly' },
    },
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Vigie renders page data as text only: no dangerouslySetInnerHTML (see docs/permissions.md, "web-ext lint").',
        },
      ],
    },
  },
);
