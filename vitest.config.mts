import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@renderer': resolve(import.meta.dirname, 'src/renderer/src') } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup-node.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
