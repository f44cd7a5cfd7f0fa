import type { FastifyInstance } from 'fastify';
import type { CrmMetrics } from './crm-metrics';

/**
 * Latency of every HTTP request (API, docs, dashboard files, 401s and 404s alike), labelled
 * by the route pattern so ids never become label values; unknown paths share `unmatched`.
 */
export const registerHttpMetrics = (fastify: FastifyInstance, metrics: CrmMetrics): void => {
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
};
