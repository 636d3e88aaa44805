import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the dashboard into `dist/`, which the server serves at `/`. In development (`npm run dev -w @opspilot/web`)
 * the API and the event socket are proxied to a server on `OPSPILOT_URL` (default http://127.0.0.1:8080).
 */
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      // zod ships comments Rollup cannot place; they are harmless.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: process.env.OPSPILOT_URL ?? 'http://127.0.0.1:8080', changeOrigin: false, ws: true },
    },
  },
});
