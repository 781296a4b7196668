import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          // The desktop entry and the web host share every main-side service.
          index: resolve(__dirname, 'src/main/index.ts'),
          'web-host': resolve(__dirname, 'src/main/web/index.ts'),
          'fake-vendor': resolve(__dirname, 'src/main/web/fake-vendor.ts')
        }
      }
    }
  },
  preload: {},
  renderer: {
    resolve: { alias: { '@renderer': resolve(__dirname, 'src/renderer/src') } },
    plugins: [react()],
    build: { minify: true }
  }
})
