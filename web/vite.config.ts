import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const serverFolder = (path: string) => fileURLToPath(new URL(`../server/src/${path}`, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      // Pure rules shared with the server (tax-id check digits), so the form checks what the API checks.
      '@server-lib': serverFolder('lib'),
      // The API's TypeBox schemas, imported as types only (`import type`): nothing of them is bundled.
      '@server-schemas': serverFolder('modules'),
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: { outDir: 'dist', chunkSizeWarningLimit: 2000 },
});
