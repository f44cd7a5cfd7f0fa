import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export type ErrorDetail = { field: string; rule: string; message: string };

/** One rule a field broke. */
export class ErrorDetailBody implements ErrorDetail {
  @ApiProperty({ example: 'email', description: 'Dotted path of the field' }) field!: string;
  @ApiProperty({ example: 'isEmail', description: 'The rule it broke' }) rule!: string;
  @ApiProperty({ example: 'email must be an email' }) message!: string;
}

/** The one error shape every endpoint answers with. */
export class ErrorBody {
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'email: must be an email address' }) message!: string;
  @ApiPropertyOptional({ example: 'CUSTOMER_EMAIL_TAKEN', description: 'Stable domain error code' })
  code?: string;
  @ApiPropertyOptional({
    type: () => [ErrorDetailBody],
    description: 'On a 400: every field that broke a rule, and the rule',
  })
  details?: ErrorDetail[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Per-store and per-projector health, on a failed readiness check',
  })
  health?: Record<string, unknown>;
}

/** Thrown by the edge for a 400 that names the field and rule. */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';
  constructor(readonly details: ErrorDetail[]) {
    super(details.map((d) => `${d.field}: ${d.message}`).join('; '));
  }
}

/** A read model has not reached the position the client asked for within the wait bound. */
export class ReadModelNotReadyError extends Error {
  override readonly name = 'ReadModelNotReadyError';
  constructor(
    readonly projections: readonly string[],
    readonly position: number,
  ) {
    super(`read model ${projections.join(', ')} has not reached position ${position} yet; retry`);
  }
}

/** Readiness failed: the body carries the per-indicator health result for operators. */
export class NotReadyError extends Error {
  override readonly name = 'NotReadyError';
  constructor(readonly health: { error?: Record<string, unknown> } & Record<string, unknown>) {
    super(`not ready: ${Object.keys(health.error ?? {}).join(', ') || 'unknown'}`);
  }
}
