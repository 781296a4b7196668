import { defineConfig } from 'vitest/config'

// E2E: the built renderer in headless Chromium against the real web host.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false
  }
})
