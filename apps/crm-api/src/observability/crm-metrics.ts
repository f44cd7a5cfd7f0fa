import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds; from a cached read (a few ms) to a read that waited out its bound. */
const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Every metric the service exposes, on a registry of its own: several apps in one process
 * (the tests) never share or collide on prom-client's global registry.
 */
@Injectable()
export class CrmMetrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'crm_commands_total',
    help: 'Commands by type (the HTTP route that carries them) and outcome',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly commandDuration = new Histogram({
    name: 'crm_command_duration_seconds',
    help: 'Command latency by type and outcome, from the request edge',
    labelNames: ['command', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly runnerCommands = new Counter({
    name: 'crm_command_runs_total',
    help: 'Commands run by the command runner, by command type and outcome',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'crm_event_append_duration_seconds',
    help: 'Latency of appends to the event store by the command runner, by outcome',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly conflicts = new Counter({
    name: 'crm_command_conflicts_total',
    help: 'Appends refused because the stream moved (optimistic concurrency), by command type',
    labelNames: ['command'] as const,
    registers: [this.registry],
  });

  readonly retries = new Counter({
    name: 'crm_command_retries_total',
    help: 'Reload-and-decide retries after a concurrency conflict, by command type',
    labelNames: ['command'] as const,
    registers: [this.registry],
  });

  readonly readModelTimeouts = new Counter({
    name: 'crm_read_model_wait_timeouts_total',
    help: 'Reads answered 503 because a read model did not reach minPosition in time, by route',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });

  readonly collectErrors = new Counter({
    name: 'crm_metrics_collect_errors_total',
    help: 'Scrapes that could not read the stores for the projector gauges',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
