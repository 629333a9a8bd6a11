import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://localhost:4000';

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        main: resolve(here, 'index.html'),
        bench: resolve(here, 'bench.html'),
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: api, changeOrigin: true },
      '/export': { target: api, changeOrigin: true },
    },
  },
});
