import type { Class } from './validation-constraints';

/** The values of each vocabulary, as the composition root knows them (segment names, …). */
export type Vocabularies = Readonly<Record<string, readonly string[]>>;

export type KnownValuesRule = {
  property: string;
  vocabulary: string;
  each: boolean;
  /** Values accepted besides the vocabulary's (`*` for every event type). */
  also: readonly string[];
};

const knownValues = new WeakMap<object, KnownValuesRule[]>();

/**
 * A value from a vocabulary another context owns (RFM segment names, event types). The handler
 * checks it where the values are known; the document lists them as an enum, from the
 * vocabularies the composition root gives finishOpenApiDocument.
 */
export const OneOfKnown =
  (vocabulary: string, options: { each?: boolean; also?: readonly string[] } = {}) =>
  (target: object, property: string | symbol): void => {
    const rule = {
      property: String(property),
      vocabulary,
      each: options.each ?? false,
      also: options.also ?? [],
    };
    knownValues.set(target, [...(knownValues.get(target) ?? []), rule]);
  };

/** The vocabulary rules of a class and the classes it extends. */
export const knownValuesOf = (target: Class): KnownValuesRule[] => {
  const rules: KnownValuesRule[] = [];
  for (
    let p: unknown = target.prototype;
    p && p !== Object.prototype;
    p = Object.getPrototypeOf(p)
  ) {
    rules.push(...(knownValues.get(p) ?? []));
  }
  return rules;
};
