import type { FastifyInstance } from 'fastify';
import { ReadModelNotReadyError, admittedAt, failureOf } from '@crm/platform';
import { outcomeOf } from './command-outcome';
import type { CrmMetrics } from './crm-metrics';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * One Fastify `onResponse` hook for the request metrics, so no Nest interceptor wraps every
 * handler for bookkeeping:
 * - the latency of every HTTP request (API, docs, dashboard files, 401s and 404s alike),
 *   labelled by the route pattern so ids never become label values; unknown paths share
 *   `unmatched`;
 * - commands (requests other than reads the auth guard admitted: unauthenticated requests
 *   are not commands, only HTTP requests) by type and outcome, timed from their admission,
 *   the outcome from the error the exception filter answered with (see request-outcome.ts);
 * - reads and commands that timed out waiting for a read model.
 */
export const registerHttpMetrics = (fastify: FastifyInstance, metrics: CrmMetrics): void => {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    const admitted = admittedAt(request);
    if (admitted !== undefined) {
      const failure = failureOf(request);
      if (failure?.error instanceof ReadModelNotReadyError)
        metrics.readModelTimeouts.inc({ route });
      if (!READS.has(request.method)) {
        const command = `${request.method} ${route}`;
        const outcome = failure ? outcomeOf(failure.error) : 'ok';
        metrics.commands.inc({ command, outcome });
        metrics.commandDuration.observe(
          { command, outcome },
          (performance.now() - admitted) / 1000,
        );
      }
    }
    done();
  });
};
