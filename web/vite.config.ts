import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Paths the API answers; `npm run dev:web` forwards them to a crm-api on port 3000. */
const API = [
  '/customers',
  '/tickets',
  '/orders',
  '/campaigns',
  '/opportunities',
  '/pipelines',
  '/activities',
  '/analytics',
  '/admin',
];

export default defineConfig({
  root: here,
  base: '/',
  build: {
    // crm-api serves this folder at / (apps/crm-api/src/dashboard).
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
  server: {
    proxy: Object.fromEntries(API.map((path) => [path, 'http://127.0.0.1:3000'])),
  },
});
