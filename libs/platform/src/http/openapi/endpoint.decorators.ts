import type { Type } from '@nestjs/common';
import { HttpCode, applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { ApiResponseOptions } from '@nestjs/swagger';
import { CommandResponse } from '../command-response';
import { ErrorBody } from '../error-body';

/**
 * The OpenAPI side of an endpoint in one decorator per kind, so a controller states each
 * route's document once. What every route shares (401, 403, 413, 415, 422, 429, 503) is added
 * to the document in one place: finishOpenApiDocument.
 */

export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9._:-]{8,200}$';

const IdempotencyKeyHeader = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Retrying with the same key appends nothing and answers as the first request did',
  schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN, example: 'order-2024-0001' },
});

const refusal = (status: 404 | 409 | 422, description: string | undefined) =>
  description ? [ApiResponse({ status, type: ErrorBody, description })] : [];

/** A controller's tag and bearer auth. */
export const ApiArea = (tag: string) => applyDecorators(ApiTags(tag), ApiBearerAuth());

export type CommandEndpointOptions = {
  summary: string;
  description?: string;
  /** The success body when it is not the plain command response (a dry run's preview). */
  answers?: ApiResponseOptions;
  /** 201 for a command that creates the aggregate; 200 otherwise. */
  creates?: boolean;
  /** When the aggregate (or one it needs) does not exist: the 404's description. */
  notFound?: string;
  /** When the current state refuses the command: the 409's description. */
  conflicts?: string;
  /** A body-less command that still accepts `{}` (as the README sends). */
  emptyBody?: boolean;
};

/** A write: Idempotency-Key, `{ id, streamRevision, position }`, 404/409 refusals. */
export const CommandEndpoint = (options: CommandEndpointOptions) =>
  applyDecorators(
    HttpCode(options.creates ? 201 : 200),
    IdempotencyKeyHeader,
    ApiOperation({ summary: options.summary, description: options.description }),
    ApiResponse({
      status: options.creates ? 201 : 200,
      ...(options.answers ?? { type: CommandResponse }),
    }),
    ...refusal(404, options.notFound),
    ...refusal(409, options.conflicts),
    ...(options.emptyBody
      ? [
          ApiBody({
            required: false,
            description: 'Nothing to send; an empty object is accepted',
            schema: { type: 'object', additionalProperties: false },
          }),
        ]
      : []),
  );

export type ReadEndpointOptions = {
  summary: string;
  description?: string;
  type: Type<unknown>;
  notFound?: string;
};

/** A read of one thing from a read model (read-your-writes: FreshnessQueryDto). */
export const ReadEndpoint = (options: ReadEndpointOptions) =>
  applyDecorators(
    ApiOperation({ summary: options.summary, description: options.description }),
    ApiOkResponse({ type: options.type }),
    ...refusal(404, options.notFound),
  );

/** A page of a read model (`limit`, `cursor`, filters from the query DTO), with read-your-writes. */
export const ListEndpoint = (options: { summary: string; type: Type<unknown> }) =>
  applyDecorators(
    ApiOperation({ summary: options.summary }),
    ApiOkResponse({ type: options.type }),
  );
