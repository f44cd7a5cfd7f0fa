import fc from 'fast-check';
import type { OpenApiDocument } from './openapi-contract';

type Schema = Record<string, unknown>;

/** A request the document allows: path, query and JSON body drawn from their schemas. */
export type DocumentedRequest = {
  method: string;
  path: string;
  body?: unknown;
  headers: Record<string, string>;
};

type Parameter = { in: string; name: string; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
};

const resolve = (document: OpenApiDocument, schema: Schema): Schema => {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  return resolve(document, (document.components.schemas[name] ?? {}) as Schema);
};

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** What a string schema's `pattern`, `not: { pattern }` and length say about a candidate. */
const admits = (schema: Schema) => {
  const pattern = typeof schema['pattern'] === 'string' ? new RegExp(schema['pattern'], 'u') : null;
  const not = (schema['not'] ?? {}) as Schema;
  const refused = typeof not['pattern'] === 'string' ? new RegExp(not['pattern'], 'u') : null;
  const minLength = num(schema['minLength']) ?? 0;
  const maxLength = num(schema['maxLength']) ?? Infinity;
  return (s: string) =>
    s.length >= minLength &&
    s.length <= maxLength &&
    (!pattern || pattern.test(s)) &&
    !refused?.test(s);
};

const formatted = (format: unknown): fc.Arbitrary<string> | undefined => {
  switch (format) {
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.stringMatching(/^[a-z][a-z0-9]{0,15}$/).map((local) => `${local}@example.com`);
    case 'date-time':
      return fc
        .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) })
        .map((ms) => new Date(ms).toISOString());
    case 'uri':
      // Hosts under .invalid (RFC 6761): a webhook registered here never reaches anyone.
      return fc
        .tuple(
          fc.constantFrom('http', 'https'),
          fc.stringMatching(/^[a-z0-9]{1,20}$/),
          fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
          fc.webPath(),
          fc.option(fc.webQueryParameters(), { nil: undefined }),
          fc.option(fc.webFragments(), { nil: undefined }),
        )
        .map(
          ([scheme, label, port, path, query, fragment]) =>
            `${scheme}://hooks-${label}.example.invalid${port ? `:${port}` : ''}${path}` +
            `${query === undefined ? '' : `?${query}`}${fragment === undefined ? '' : `#${fragment}`}`,
        );
    default:
      return undefined;
  }
};

const stringOf = (schema: Schema): fc.Arbitrary<string> => {
  const minLength = num(schema['minLength']) ?? 0;
  const maxLength = Math.min(num(schema['maxLength']) ?? 40, 40);
  const byFormat = formatted(schema['format']);
  if (byFormat) return byFormat.filter(admits(schema));
  if (typeof schema['pattern'] === 'string') {
    return fc.stringMatching(new RegExp(schema['pattern'])).filter(admits(schema));
  }
  // Free text, now and then padded or only whitespace: a field the server trims and refuses
  // empty must say so (`\S`), or its 400 fails the schema-valid requests test.
  const text = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,'-]*[A-Za-z0-9]$|^[A-Za-z0-9]$/);
  return fc
    .oneof(
      { arbitrary: text, weight: 4 },
      { arbitrary: text.map((s) => ` ${s}\t`), weight: 1 },
      { arbitrary: fc.stringMatching(/^[ \t\n\u00a0]{1,3}$/), weight: 1 },
    )
    .filter((s) => s.length >= Math.max(minLength, 1) && s.length <= maxLength);
};

/** Values valid against a JSON Schema of the document (the subset it uses). */
export const valueOf = (document: OpenApiDocument, raw: Schema): fc.Arbitrary<unknown> => {
  const schema = resolve(document, raw);
  if (Array.isArray(schema['oneOf'])) {
    return fc.oneof(...(schema['oneOf'] as Schema[]).map((s) => valueOf(document, s)));
  }
  if (Array.isArray(schema['allOf']) && schema['allOf'].length === 1) {
    return valueOf(document, schema['allOf'][0] as Schema);
  }
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  const types = ([] as unknown[]).concat(
    schema['type'] ?? (schema['properties'] ? 'object' : 'string'),
  );
  const type = types.find((t) => t !== 'null');
  if (type === undefined && types.includes('null')) return fc.constant(null);
  const value = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'integer':
        return fc.integer({
          min: num(schema['minimum']) ?? 0,
          max: Math.min(num(schema['maximum']) ?? 1_000_000, Number.MAX_SAFE_INTEGER),
        });
      case 'number':
        return fc.double({
          min: num(schema['minimum']) ?? 0,
          max: num(schema['maximum']) ?? 1_000_000,
          noNaN: true,
          noDefaultInfinity: true,
        });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.uniqueArray(valueOf(document, (schema['items'] ?? {}) as Schema), {
          minLength: num(schema['minItems']) ?? 0,
          maxLength: Math.min(num(schema['maxItems']) ?? 3, 3),
          selector: (v) => JSON.stringify(v),
        });
      case 'object': {
        const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
        const required = (schema['required'] ?? []) as string[];
        return fc.record(
          Object.fromEntries(
            Object.entries(properties).map(([name, s]) => [name, valueOf(document, s)]),
          ),
          { requiredKeys: required.filter((name) => name in properties) },
        );
      }
      default:
        return stringOf(schema);
    }
  })();
  return types.includes('null') ? fc.oneof(value, fc.constant(null)) : value;
};

/** Schema-valid requests to one operation of the document. */
export const requestsOf = (
  document: OpenApiDocument,
  method: string,
  template: string,
  options: { /** Parameters left out, by name. */ skip?: readonly string[] } = {},
): fc.Arbitrary<DocumentedRequest> => {
  const operation = document.paths[template]?.[method] as unknown as Operation;
  const parameters = (operation.parameters ?? []).filter((p) => !options.skip?.includes(p.name));
  const parameter = (p: Parameter) => {
    const value = valueOf(document, p.schema ?? { type: 'string' }).map((v) => String(v));
    return p.required ? value : fc.option(value, { nil: undefined });
  };
  const part = (where: string) =>
    fc.record(
      Object.fromEntries(
        parameters.filter((p) => p.in === where).map((p) => [p.name, parameter(p)]),
      ),
    ) as fc.Arbitrary<Record<string, string | undefined>>;
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  const body = schema ? valueOf(document, schema) : fc.constant(undefined);
  return fc
    .record({ path: part('path'), query: part('query'), headers: part('header'), body })
    .map(({ path, query, headers, body: sent }) => {
      const url = template.replace(/\{([^}]+)\}/g, (_, name: string) =>
        encodeURIComponent(path[name] ?? ''),
      );
      const search = new URLSearchParams(
        Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined),
      ).toString();
      return {
        method: method.toUpperCase(),
        path: search ? `${url}?${search}` : url,
        body: sent,
        headers: Object.fromEntries(
          Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined),
        ),
      };
    });
};
