import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

const noImports = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }]
})

const rendererBase = ['**/main/**', 'electron', 'node:*']
const rendererBaseMessage = 'The renderer talks to main only through the host API.'
/** Shared code (src/shared/count, src/shared/scan…) is below every renderer layer. */
const notShared = ['!**/shared/**']
const domainChain = ['activity', 'alerts', 'scan', 'count', 'labels', 'outbox', 'sync', 'site']

/** One rule per renderer folder: the base boundary plus every layer above it. */
function rendererLayers() {
  const folder = (name) => `src/renderer/src/${name}/**/*.{ts,tsx}`
  const above = (names) => names.map((n) => `**/${n}/**`)
  const rule = (files, banned, message) => ({
    files,
    // Tests may reach across layers to set a scene; the layers are the product's.
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: rendererBase, message: rendererBaseMessage },
            { group: [...above(banned), ...notShared], message }
          ]
        }
      ]
    }
  })
  return [
    rule(
      ['db', 'bridge', 'util'].map(folder),
      [...domainChain, 'receiving', 'shipping', 'stores', 'app', 'features'],
      'db/, bridge/ and util/ are the bottom of the renderer: they import no domain, store, app or screen.'
    ),
    ...domainChain.map((name, n) =>
      rule(
        [folder(name)],
        [...domainChain.slice(n + 1), 'receiving', 'shipping', 'stores', 'app', 'features'],
        `${name}/ is domain code: it imports only db/, bridge/ and the domain below it (${domainChain.slice(0, n).join(', ') || 'none'}), never stores, app or screens.`
      )
    ),
    rule(
      ['receiving', 'shipping'].map(folder),
      ['stores', 'app', 'features'],
      'Domain code imports no store, app or screen.'
    ),
    rule([folder('stores')], ['app', 'features'], 'Stores hold UI state; they import no app or screen code.'),
    rule(
      [folder('app')],
      ['features'],
      'app/ is the composition root below the screens: it imports no feature.'
    )
  ]
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/ban-ts-comment': 'error'
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...noImports(
        ['**/main/**', 'electron', 'node:*'],
        'The renderer talks to main only through the host API.'
      )
    }
  },
  // The renderer's layers, bottom up: db/, bridge/ and util/; the domain (activity, alerts, scan,
  // count, labels, outbox, sync, in that order, then the floor's other domains); stores/ (UI
  // state); app/ (the composition root); features/ (screens). Nothing imports upward.
  ...rendererLayers(),
  // Process boundaries, enforced here rather than in review.
  {
    files: ['src/shared/**/*.ts'],
    rules: noImports(
      ['electron', 'node:*', '**/main/**', '**/renderer/**', 'dexie', 'react'],
      'src/shared stays pure: no Node, DOM, Electron or UI.'
    )
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/window/**', 'src/main/platform/electron-*.ts', '**/*.test.ts'],
    rules: noImports(
      ['electron'],
      'Only the desktop entry, window/ and platform/electron-* touch Electron; services go through platform ports.'
    )
  },
  // Main's layers, bottom up: http/ (the paced HTTP client), connectors/ (one vendor each, on
  // http/), gateway/ (runs connectors, reports domain errors), host/ (turns those into host-API
  // failures). The desktop app never loads the web host.
  {
    files: ['src/main/http/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: noImports(
      ['**/connectors/**', '**/gateway/**', '**/host/**', '**/web/**', '**/window/**', '**/connections/**'],
      'The HTTP client and pacer sit below the connectors: they know no vendor and no host.'
    )
  },
  {
    files: ['src/main/connectors/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: noImports(
      ['**/gateway/**', '**/host/**', '**/web/**', '**/window/**', '**/connections/**'],
      'Connectors sit below the gateway: they use the HTTP client and throw VendorError, nothing above.'
    )
  },
  {
    files: ['src/main/gateway/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: noImports(
      ['**/host/dispatch', '**/host/handlers', '**/host/gateway-failures', '**/web/**', '**/window/**'],
      'The gateway reports domain errors; only host/ turns them into host-API failures.'
    )
  },
  {
    files: ['src/main/index.ts', 'src/main/window/**/*.ts'],
    rules: noImports(['**/web/**'], 'The desktop app does not load the web host.')
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } }
  },
  // Benchmarks run code both in Node and, through page.evaluate, in the browser.
  { files: ['bench/**/*.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  prettier
)
