import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ReadModelNotReadyError,
  RequestValidationError,
  markAdmitted,
  recordFailure,
} from '@crm/platform';
import { parsePrometheus, valueOf } from '../../../../test/observability/prometheus-text';
import { CrmMetrics } from './crm-metrics';
import { registerHttpMetrics } from './http-metrics.hook';

/**
 * Routes standing in for Nest: `admit` plays the auth guard, `fail` the exception filter
 * answering with the error's status.
 */
const appWith = (metrics: CrmMetrics): FastifyInstance => {
  const fastify = Fastify();
  registerHttpMetrics(fastify, metrics);
  const handle =
    (admit: boolean, error?: Error, status = 400) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      if (admit) markAdmitted(request);
      if (!error) return { ok: true };
      recordFailure(request, error);
      return reply.code(status).send({ statusCode: status });
    };
  fastify.post('/things/:id/notes', handle(true));
  fastify.post('/things/:id/tags', handle(true, new RequestValidationError([])));
  fastify.post('/things/:id/locked', handle(false, new Error('unknown key'), 401));
  fastify.get('/things/:id', handle(true, new ReadModelNotReadyError(['things'], 9), 503));
  return fastify;
};

const scrape = async (metrics: CrmMetrics) => parsePrometheus(await metrics.registry.metrics());

describe('the request metrics hook', () => {
  it('counts and times the commands the guard admitted, by route pattern and outcome', async () => {
    const metrics = new CrmMetrics();
    const fastify = appWith(metrics);
    await fastify.inject({ method: 'POST', url: '/things/1/notes' });
    await fastify.inject({ method: 'POST', url: '/things/2/notes' });
    await fastify.inject({ method: 'POST', url: '/things/3/tags' });
    await fastify.inject({ method: 'POST', url: '/things/4/locked' });
    await fastify.close();

    const samples = await scrape(metrics);
    const count = (command: string, outcome: string) =>
      valueOf(samples, 'crm_commands_total', { command, outcome });
    expect(count('POST /things/:id/notes', 'ok')).toBe(2);
    expect(count('POST /things/:id/tags', 'invalid')).toBe(1);
    // Not admitted: an HTTP request, not a command.
    expect(samples.filter((s) => s.labels.command === 'POST /things/:id/locked')).toEqual([]);
    expect(
      valueOf(samples, 'crm_command_duration_seconds_count', {
        command: 'POST /things/:id/notes',
        outcome: 'ok',
      }),
    ).toBe(2);
  });

  it('times every HTTP request and counts read-model wait timeouts; reads are no commands', async () => {
    const metrics = new CrmMetrics();
    const fastify = appWith(metrics);
    await fastify.inject({ method: 'GET', url: '/things/1' });
    await fastify.inject({ method: 'POST', url: '/things/4/locked' });
    await fastify.inject({ method: 'GET', url: '/nowhere' });
    await fastify.close();

    const samples = await scrape(metrics);
    const http = (method: string, route: string, status: string) =>
      valueOf(samples, 'http_request_duration_seconds_count', {
        method,
        route,
        status_code: status,
      });
    expect(http('GET', '/things/:id', '503')).toBe(1);
    expect(http('POST', '/things/:id/locked', '401')).toBe(1);
    expect(http('GET', 'unmatched', '404')).toBe(1);
    expect(valueOf(samples, 'crm_read_model_wait_timeouts_total', { route: '/things/:id' })).toBe(
      1,
    );
    expect(samples.filter((s) => s.name === 'crm_commands_total')).toEqual([]);
  });
});
