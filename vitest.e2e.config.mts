import { defineConfig } from 'vitest/config'

// E2E: the built renderer in headless Chromium against the real web host.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Two files at a time: most of a file's time is its browser, web host and fake vendors waiting on
    // each other, and the app's own signals are waited for with limits a loaded PC meets.
    fileParallelism: true,
    maxWorkers: 2,
    // What a test waits for (a banner, a line, a sync state) is the app's own signal; on a busy PC it
    // may come seconds late, not lost: every expect.poll waits up to 20 s unless it says otherwise.
    expect: { poll: { timeout: 20_000, interval: 50 } }
  }
})
