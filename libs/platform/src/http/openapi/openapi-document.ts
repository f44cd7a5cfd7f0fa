import type { OpenAPIObject } from '@nestjs/swagger';
import type { Vocabularies } from './document-rules';
import type { Class } from './validation-constraints';
import { addValidationConstraints, constrainQueryParameters } from './validation-constraints';

type Json = Record<string, unknown>;
type Parameter = {
  in: string;
  name: string;
  required?: boolean;
  description?: string;
  schema?: Json;
};
type Operation = {
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
};

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the edge answers on every route it applies to (see bootstrap and the exceptions filter). */
const SHARED_ERRORS = {
  '400': 'Invalid input: `details` names each field and the rule it broke',
  '401': 'No API key, or an unknown or revoked one',
  '403': 'The key’s role may not call this endpoint',
  '408':
    'The headers did not arrive within HTTP_HEADERS_TIMEOUT_MS, or the whole request within HTTP_REQUEST_TIMEOUT_MS; the connection is closed',
  '409':
    'Concurrent writers kept changing the stream through every retry (code CONCURRENT_MODIFICATION); send the request again',
  '413': 'The body is larger than BODY_LIMIT_BYTES',
  '414': 'A path parameter is longer than 200 characters',
  '415': 'The body is not JSON (send Content-Type: application/json)',
  '422':
    'The Idempotency-Key was already used for a different request (code IDEMPOTENCY_KEY_REUSED), or the events the command would append are more than the event store takes in one write (code APPEND_TOO_LARGE)',
  '429': 'More requests a minute than RATE_LIMIT_PER_MINUTE allows for this key; see Retry-After',
  '431': 'The request headers are larger than the server reads (16 KiB); the connection is closed',
  '503': 'A store is down or the read model is behind; see Retry-After',
} as const;
type SharedError = keyof typeof SHARED_ERRORS;

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before retrying',
    schema: { type: 'integer', minimum: 0 },
  },
};

const errorResponse = (status: SharedError): Json => ({
  description: SHARED_ERRORS[status],
  ...(status === '429' || status === '503' ? { headers: RETRY_AFTER } : {}),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
});

/**
 * A route's own 409 (a refused command) or 422 does not replace what the runner and the
 * idempotency check answer with the same status on every command: the description says both.
 */
const ADDED_TO_OWN: ReadonlySet<SharedError> = new Set(['409', '422']);
const withSharedMeaning = (own: Json, status: SharedError): Json => {
  const description = typeof own['description'] === 'string' ? own['description'] : '';
  if (!ADDED_TO_OWN.has(status) || description.includes(SHARED_ERRORS[status])) return own;
  return { ...own, description: `${description}. Also: ${SHARED_ERRORS[status]}` };
};

/** The statuses every route of this kind can answer, whatever its own decorators say. */
const sharedErrorsOf = (method: string, operation: Operation): SharedError[] => {
  // The probes take no input, need no key and skip the rate limit, but a connection that is too
  // slow or sends too much header is refused before any route is chosen.
  if (operation.security?.length === 0) return ['408', '431'];
  const parameters = operation.parameters ?? [];
  // Fastify reads a DELETE's body too: a wrong content type or too much of it is refused.
  const readsBody = ['post', 'put', 'patch', 'delete'].includes(method);
  const takesBody = ['post', 'put', 'patch'].includes(method);
  // A command (it takes Idempotency-Key) goes through the command runner.
  const command = parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key');
  return [
    ...(parameters.length > 0 || takesBody ? (['400'] as const) : []),
    '401',
    '403',
    '408',
    ...(command ? (['409'] as const) : []),
    ...(readsBody ? (['413', '415'] as const) : []),
    ...(parameters.some((p) => p.in === 'path') ? (['414'] as const) : []),
    ...(command ? (['422'] as const) : []),
    '429',
    '431',
    '503',
  ];
};

/** Every read takes `minPosition` from the query or the `X-Min-Position` header (MinPosition). */
const withMinPositionHeader = (parameters: Parameter[]): Parameter[] =>
  parameters.flatMap((p) =>
    p.in === 'query' && p.name === 'minPosition'
      ? [
          p,
          {
            in: 'header',
            name: 'X-Min-Position',
            required: false,
            description: 'The same as `minPosition`, as a header; the query parameter wins',
            schema: p.schema,
          },
        ]
      : [p],
  );

/**
 * OpenAPI 3.0's `nullable` (what @nestjs/swagger writes) as OpenAPI 3.1 / JSON Schema: a `null`
 * type, and `null` among an enum's values, so a `$ref` or `allOf` that may be null accepts it.
 */
const toJsonSchemaNull = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(toJsonSchemaNull);
  if (!isObject(node)) return node;
  const out: Json = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, toJsonSchemaNull(value)]),
  );
  if (out['nullable'] !== true) return out;
  delete out['nullable'];
  const values: unknown = out['enum'];
  if (Array.isArray(values) && !values.includes(null))
    out['enum'] = [...(values as unknown[]), null];
  if (typeof out['type'] === 'string' && out['allOf'] === undefined) {
    return { ...out, type: [out['type'], 'null'] };
  }
  // @nestjs/swagger writes a nullable reference as `{ type: 'object', allOf: [$ref] }`.
  const { description, example, allOf, type: _type, ...rest } = out;
  const parts: unknown[] = Array.isArray(allOf) ? (allOf as unknown[]) : [];
  // A lone `allOf: [$ref]` is how a nullable reference is written: keep just the reference.
  const schema: unknown =
    allOf === undefined ? rest : parts.length === 1 ? parts[0] : { ...rest, allOf };
  return {
    ...(description !== undefined ? { description } : {}),
    ...(example !== undefined ? { example } : {}),
    oneOf: [schema, { type: 'null' }],
  };
};

/**
 * Completes the document @nestjs/swagger builds from the decorators with what holds for every
 * route (auth, rate limit, body limit, JSON only, store outages), so each controller states only
 * its own statuses, and writes it as OpenAPI 3.1.
 */
export const finishOpenApiDocument = (
  document: OpenAPIObject,
  serverUrl: string,
  validatedClasses: readonly Class[] = [],
  /** The query class of each operation, by operationId. */
  queryClasses: ReadonlyMap<string, Class> = new Map(),
  /** The values of the vocabularies DTOs name with OneOfKnown. */
  vocabularies: Vocabularies = {},
): Json => {
  const schemas = { ...document.components?.schemas };
  addValidationConstraints(schemas, validatedClasses, vocabularies);
  const paths: Json = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const operations: Json = {};
    for (const [method, value] of Object.entries(item as Json)) {
      const operation = { ...(value as Operation) };
      operation.security ??= [];
      const queryClass = queryClasses.get((value as { operationId?: string }).operationId ?? '');
      if (queryClass && operation.parameters) {
        operation.parameters = constrainQueryParameters(
          operation.parameters,
          queryClass,
          vocabularies,
        );
      }
      // Every `:id` (and `:deliveryId`) goes through a UUID pipe (a 400 otherwise).
      operation.parameters = withMinPositionHeader(operation.parameters ?? []).map((p) =>
        p.in === 'path' && (p.name === 'id' || p.name.endsWith('Id'))
          ? { ...p, schema: { type: 'string', format: 'uuid' } }
          : p,
      );
      // A response's schema lives under content; @nestjs/terminus also writes a stray `schema`.
      const responses = Object.fromEntries(
        Object.entries(operation.responses).map(([status, response]) => {
          const { schema: _stray, ...rest } = response as Json;
          return [status, rest];
        }),
      );
      for (const status of sharedErrorsOf(method, operation)) {
        const own = responses[status];
        responses[status] = own ? withSharedMeaning(own, status) : errorResponse(status);
      }
      operations[method] = { ...operation, responses };
    }
    paths[path] = operations;
  }
  return toJsonSchemaNull({
    ...document,
    openapi: '3.1.0',
    info: { ...document.info, license: { name: 'MIT', identifier: 'MIT' } },
    components: { ...document.components, schemas },
    servers: [{ url: serverUrl, description: 'crm-api (`npm start`; PORT defaults to 3000)' }],
    paths,
  }) as Json;
};
