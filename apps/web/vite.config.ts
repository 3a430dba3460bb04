/**
 * Vite config of the web app: builds to apps/web/dist (served by apps/server); in development
 * the API, the sync WebSocket and the sign-in links are proxied to the server on port 8080.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = process.env.BIS_SERVER ?? 'http://localhost:8080';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: {
    proxy: {
      '/api': server,
      '/signin': server,
      '/sync': { target: server.replace(/^http/, 'ws'), ws: true },
    },
  },
});
