import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The page holds an API key in sessionStorage: it may load nothing but its own files and talk
 * to nothing but this service. Chart.js sets inline styles on its canvases.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const setHeaders = (reply: FastifyReply, path: string): void => {
  void reply.header('X-Content-Type-Options', 'nosniff').header('Referrer-Policy', 'no-referrer');
  if (path.endsWith('.html')) {
    void reply
      .header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
      .header('Cache-Control', 'no-cache');
  } else {
    // Vite puts a content hash in every asset name.
    void reply.header('Cache-Control', 'public, max-age=31536000, immutable');
  }
};

const NOT_BUILT =
  'The dashboard is not built. Run `npm run build` (npm start does it) to create dist/web.\n';

/**
 * Serves the built dashboard at `/`: one Fastify route per file found at start (no catch-all,
 * so API routes, /docs and unknown paths behave as before) and outside Nest, so the API-key
 * guard never sees these requests and the OpenAPI document does not list them.
 */
export const registerDashboard = async (fastify: FastifyInstance, root: string): Promise<void> => {
  if (!existsSync(join(root, 'index.html'))) {
    fastify.get('/', async (_request, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT),
    );
    return;
  }
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // @nestjs/swagger registered @fastify/static (for /docs) first and owns reply.sendFile.
    decorateReply: false,
    dotfiles: 'deny',
    setHeaders,
  });
};
