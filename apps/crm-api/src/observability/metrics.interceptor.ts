import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { tap } from 'rxjs';
import { ReadModelNotReadyError } from '@crm/platform';
import type { CommandOutcome } from './command-outcome';
import { outcomeOf } from './command-outcome';
import { CrmMetrics } from './crm-metrics';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Commands by type and outcome, and read-model wait timeouts, seen where the error is still
 * an error (the exception filter turns it into a status code afterwards). Runs after the
 * guard: unauthenticated requests are not commands, only HTTP requests.
 */
@Injectable()
export class MetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: CrmMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const route = request.routeOptions.url ?? 'unmatched';
    const command = READS.has(request.method) ? null : `${request.method} ${route}`;
    const started = performance.now();
    const record = (outcome: CommandOutcome): void => {
      if (command === null) return;
      this.metrics.commands.inc({ command, outcome });
      this.metrics.commandDuration.observe(
        { command, outcome },
        (performance.now() - started) / 1000,
      );
    };
    return next.handle().pipe(
      tap({
        next: () => record('ok'),
        error: (error: unknown) => {
          if (error instanceof ReadModelNotReadyError)
            this.metrics.readModelTimeouts.inc({ route });
          record(outcomeOf(error));
        },
      }),
    );
  }
}
