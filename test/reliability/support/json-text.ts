/** JSON text inserted as is: invalid numbers, duplicate keys, nesting deeper than JSON.stringify likes. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A JSON object that may own keys like `__proto__` (plain objects would treat it as the prototype). */
export type JsonObject = { [key: string]: JsonLike };
export type JsonLike = null | boolean | number | string | RawJson | JsonLike[] | JsonObject;

export const jsonObject = (entries: [string, JsonLike][] = []): JsonObject => {
  const object = Object.create(null) as JsonObject;
  for (const [key, value] of entries) object[key] = value;
  return object;
};

export const isJsonObject = (value: unknown): value is JsonObject =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  !(value instanceof RawJson);

/** Serializes like JSON.stringify, but keeps RawJson verbatim and every own key (even `__proto__`). */
export const toJsonText = (value: JsonLike): string => {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (isJsonObject(value)) {
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}:${toJsonText(value[key] ?? null)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

/** Deep structure as text: building it as objects would overflow the serializer's stack. */
export const deepArray = (depth: number): RawJson =>
  new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`);

export const deepObject = (depth: number): RawJson =>
  new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
