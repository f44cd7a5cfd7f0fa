import fc from 'fast-check';
import type { JsonLike, JsonObject } from './json-text';
import { jsonObject } from './json-text';
import type { Operation, Schema } from './openapi-operations';

/** Real aggregates the fuzzer aims at, so requests reach the deciders and not only validation. */
export type FuzzTargets = {
  customers: string[];
  tickets: string[];
  orders: string[];
  /** A cursor the server issued, to mutate. */
  cursor: string | null;
  /** Where URLs in bodies point (webhooks): a local sink, never the internet. */
  sinkUrl: string;
};

const DEFAULT_QUERY: Record<string, fc.Arbitrary<string>> = {
  minPosition: fc.constantFrom('0', '1'),
  limit: fc.constantFrom('1', '10', '500'),
  top: fc.constantFrom('1', '5'),
  q: fc.constantFrom('ada', 'example.com'),
  tag: fc.constant('vip'),
  agentId: fc.constant('agent-17'),
  breached: fc.constantFrom('true', 'false'),
  atRisk: fc.constantFrom('true', 'false'),
  currency: fc.constantFrom('EUR', 'USD'),
  at: fc.constantFrom('1', '2026-03-01T12:00:00Z'),
};

const idsFor = (path: string, targets: FuzzTargets): fc.Arbitrary<string> => {
  const pool = path.startsWith('/customers')
    ? targets.customers
    : path.startsWith('/tickets')
      ? targets.tickets
      : path.startsWith('/orders')
        ? targets.orders
        : [];
  return pool.length > 0 ? fc.constantFrom(...pool) : fc.uuid();
};

const validString = (
  name: string,
  schema: Schema,
  targets: FuzzTargets,
): fc.Arbitrary<JsonLike> => {
  if (schema.enum) return fc.constantFrom(...(schema.enum as JsonLike[]));
  if (name === 'customerId' && targets.customers.length > 0)
    return fc.constantFrom(...targets.customers);
  if (schema.format === 'uuid') return fc.uuid();
  if (name === 'email') return fc.uuid().map((u) => `fuzz.${u.slice(0, 13)}@example.com`);
  if (name === 'url' || schema.format === 'uri') return fc.constant(targets.sinkUrl);
  if (schema.example !== undefined) return fc.constant(schema.example as JsonLike);
  return fc.constant('fuzz text');
};

export const validValue = (
  name: string,
  schema: Schema,
  targets: FuzzTargets,
): fc.Arbitrary<JsonLike> => {
  if (schema.properties) return validObject(schema, targets);
  if (schema.type === 'array' || schema.items) {
    if (schema.example !== undefined) return fc.constant(schema.example as JsonLike);
    return validValue(name, schema.items ?? {}, targets).map((item) => [item]);
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    return fc.constant((schema.example ?? schema.minimum ?? 1) as number);
  }
  if (schema.type === 'boolean') return fc.boolean();
  return validString(name, schema, targets);
};

export const validObject = (schema: Schema, targets: FuzzTargets): fc.Arbitrary<JsonObject> => {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const value = validValue(name, property, targets);
    return (required.has(name) ? value : fc.option(value, { nil: undefined })).map(
      (v): [string, JsonLike | undefined] => [name, v],
    );
  });
  return fc
    .tuple(...fields)
    .map((entries) =>
      jsonObject(entries.filter((e): e is [string, JsonLike] => e[1] !== undefined)),
    );
};

/** A request as the fuzzer builds it, before mutation; path params and query are still raw text. */
export type Draft = {
  pathParams: Record<string, string>;
  /** Segments already percent-encoded by a mutation, inserted as they are. */
  rawPathParams: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  body: JsonLike | undefined;
  /** Replaces `body` when set: malformed JSON or raw bytes. */
  rawBody?: string | Uint8Array;
  /** Bytes that replace the marker string when the body is serialized (invalid UTF-8). */
  utf8Splice?: readonly number[];
  notes: string[];
};

/** A valid request for the operation (most fuzz requests are one mutation away from this). */
export const validDraft = (op: Operation, targets: FuzzTargets): fc.Arbitrary<Draft> => {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const pathArbs = pathParams.map((p) =>
    (p.name === 'id'
      ? idsFor(op.path, targets)
      : p.name === 'name'
        ? fc.oneof(
            { arbitrary: fc.constant('no-such-projection'), weight: 20 },
            { arbitrary: fc.constantFrom('customer-profiles', 'Customer-Profile'), weight: 5 },
            // A real one now and then: a rebuild must not disturb anything else.
            { arbitrary: fc.constant('satisfaction-ratings'), weight: 1 },
          )
        : fc.constant('vip')
    ).map((value): [string, string] => [p.name, value]),
  );
  const queryArbs = queryParams.map((p) => {
    const value =
      DEFAULT_QUERY[p.name] ??
      (p.schema.enum
        ? fc.constantFrom(...p.schema.enum.map(String))
        : p.schema.format === 'uuid'
          ? idsFor('/customers', targets)
          : fc.constant(typeof p.schema.example === 'string' ? p.schema.example : 'x'));
    const pair = value.map((v): [string, string] => [p.name, v]);
    return p.required ? pair : fc.option(pair, { nil: undefined, freq: 2 });
  });
  const idempotent = op.parameters.some((p) => p.name === 'Idempotency-Key');
  return fc
    .record({
      path: fc.tuple(...pathArbs),
      query: fc.tuple(...queryArbs),
      body: op.body ? validObject(op.body, targets) : fc.constant(undefined),
      key: idempotent ? fc.option(fc.uuid(), { nil: undefined }) : fc.constant(undefined),
    })
    .map(({ path, query, body, key }): Draft => ({
      pathParams: Object.fromEntries(path),
      rawPathParams: {},
      query: query.filter((q): q is [string, string] => q !== undefined),
      headers: key ? { 'idempotency-key': `fuzz-${key}` } : {},
      body,
      notes: [],
    }));
};
