import { reactRouter } from '@react-router/dev/vite';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [tailwindcss(), reactRouter()],
  // Favicon and web manifest sit with the web app they belong to, not at the repository root.
  publicDir: fileURLToPath(new URL('./src/web/public', import.meta.url)),
  resolve: {
    alias: { '~': fileURLToPath(new URL('./src/web', import.meta.url)) },
  },
});
