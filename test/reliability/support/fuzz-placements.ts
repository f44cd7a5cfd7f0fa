import fc from 'fast-check';
import type { JsonLike } from './json-text';
import { RawJson, isJsonObject, jsonObject, toJsonText } from './json-text';
import type { Operation } from './openapi-operations';
import type { Draft } from './valid-samples';

/** How mutations reach a request: which fields, params and headers a value can be put in. */
export type Mutation = (draft: Draft) => void;

/** Marks where invalid UTF-8 bytes go when the body is serialized. */
export const BYTES_MARKER = '@@INVALID_UTF8@@';

/** The document states integers where the server wants them (OpenAPI 3.1). */
const isNumeric = (schema: { type?: string }): boolean =>
  schema.type === 'number' || schema.type === 'integer';

export type Shape = {
  op: Operation;
  canSendBody: boolean;
  bodyFields: string[][];
  numericFields: string[][];
  objectPaths: string[][];
  queryParams: string[];
  pathParams: string[];
};

export const shapeOf = (op: Operation): Shape => {
  const bodyFields: string[][] = [];
  const numericFields: string[][] = [];
  const objectPaths: string[][] = [[]];
  for (const [name, schema] of Object.entries(op.body?.properties ?? {})) {
    bodyFields.push([name]);
    if (isNumeric(schema)) numericFields.push([name]);
    for (const [inner, innerSchema] of Object.entries(schema.items?.properties ?? {})) {
      bodyFields.push([name, '0', inner]);
      objectPaths.push([name, '0']);
      if (isNumeric(innerSchema)) numericFields.push([name, '0', inner]);
    }
  }
  return {
    op,
    canSendBody: op.method !== 'GET' && op.method !== 'HEAD',
    bodyFields,
    numericFields,
    objectPaths,
    queryParams: op.parameters.filter((p) => p.in === 'query').map((p) => p.name),
    pathParams: op.parameters.filter((p) => p.in === 'path').map((p) => p.name),
  };
};

export const DELETE = Symbol('delete');

/** Sets (or deletes) a value at a path of the body, creating objects on the way. */
export const setAt = (draft: Draft, path: string[], value: JsonLike | typeof DELETE): void => {
  if (!isJsonObject(draft.body)) draft.body = jsonObject();
  let node: JsonLike = draft.body;
  for (const key of path.slice(0, -1)) {
    const container: Record<string, JsonLike> | JsonLike[] | null = isJsonObject(node)
      ? node
      : Array.isArray(node)
        ? node
        : null;
    if (!container) return;
    const next: JsonLike | undefined = (container as Record<string, JsonLike>)[key];
    if (
      next === undefined ||
      next === null ||
      typeof next !== 'object' ||
      next instanceof RawJson
    ) {
      (container as Record<string, JsonLike>)[key] = jsonObject();
    }
    node = (container as Record<string, JsonLike>)[key] as JsonLike;
  }
  const last = path[path.length - 1];
  if (last === undefined || !(isJsonObject(node) || Array.isArray(node))) return;
  if (value === DELETE) delete (node as Record<string, JsonLike>)[last];
  else (node as Record<string, JsonLike>)[last] = value;
};

export const preview = (value: unknown): string => {
  const text =
    value instanceof RawJson
      ? value.text
      : typeof value === 'string'
        ? JSON.stringify(value)
        : toJsonText(value as JsonLike);
  return text.length > 60 ? `${text.slice(0, 40)}…(${text.length} chars)` : text;
};

export const asText = (value: JsonLike): string =>
  typeof value === 'string' ? value : toJsonText(value);

const setQuery = (draft: Draft, name: string, value: string): void => {
  draft.query = draft.query.filter(([key]) => key !== name);
  draft.query.push([name, value]);
};

export const pick = <T>(items: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...items);

/** Places a value into one of the body fields (or a new one when the route has no body). */
export const inBody = (
  shape: Shape,
  values: fc.Arbitrary<JsonLike>,
  fields = shape.bodyFields,
): fc.Arbitrary<Mutation> =>
  fc
    .tuple(fields.length > 0 ? pick(fields) : fc.constant<string[]>(['fuzz']), values)
    .map(([path, value]) => (d: Draft) => {
      setAt(d, path, value);
      d.notes.push(`body.${path.join('.')}=${preview(value)}`);
    });

export const inQuery = (
  shape: Shape,
  values: fc.Arbitrary<string>,
  params = shape.queryParams,
): fc.Arbitrary<Mutation> =>
  fc
    .tuple(params.length > 0 ? pick(params) : fc.constant('fuzz'), values)
    .map(([name, value]) => (d: Draft) => {
      setQuery(d, name, value);
      d.notes.push(`query.${name}=${preview(value)}`);
    });

export const inPath = (shape: Shape, values: fc.Arbitrary<string>): fc.Arbitrary<Mutation> =>
  fc.tuple(pick(shape.pathParams), values).map(([name, value]) => (d: Draft) => {
    d.pathParams[name] = value;
    d.notes.push(`path.${name}=${preview(value)}`);
  });

export const rawInPath = (shape: Shape, values: fc.Arbitrary<string>): fc.Arbitrary<Mutation> =>
  fc.tuple(pick(shape.pathParams), values).map(([name, value]) => (d: Draft) => {
    d.rawPathParams[name] = value;
    d.notes.push(`rawPath.${name}=${value}`);
  });

export const header = (name: string, values: fc.Arbitrary<string>): fc.Arbitrary<Mutation> =>
  values.map((value) => (d: Draft) => {
    d.headers[name] = value;
    d.notes.push(`header.${name}=${preview(value)}`);
  });

export const rawBody = (values: fc.Arbitrary<string>): fc.Arbitrary<Mutation> =>
  values.map((value) => (d: Draft) => {
    d.rawBody = value;
    d.notes.push(`rawBody=${preview(value)}`);
  });

export const wholeBody = (values: fc.Arbitrary<JsonLike>): fc.Arbitrary<Mutation> =>
  values.map((value) => (d: Draft) => {
    d.body = value;
    d.notes.push(`body=${preview(value)}`);
  });

/** Any of the given mutations that make sense for this route. */
export const anyOf = (...options: (fc.Arbitrary<Mutation> | false)[]): fc.Arbitrary<Mutation> => {
  const usable = options.filter((o): o is fc.Arbitrary<Mutation> => o !== false);
  return usable.length > 0 ? fc.oneof(...usable) : fc.constant(() => undefined);
};

export const anywhere = (s: Shape, values: fc.Arbitrary<string>): fc.Arbitrary<Mutation> =>
  anyOf(
    s.canSendBody && inBody(s, values),
    inQuery(s, values),
    s.pathParams.length > 0 && inPath(s, values),
  );
