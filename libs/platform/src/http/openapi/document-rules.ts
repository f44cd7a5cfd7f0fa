import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import type { Class } from './validation-constraints';

/** The values of each vocabulary, as the composition root knows them (segment names, …). */
export type Vocabularies = Readonly<Record<string, readonly string[]>>;

/**
 * A rule the document states that class-validator does not hold: the handler checks it
 * (OneOfKnown), or a transform makes it so (Trimmed). Read with the class-validator rules.
 */
export type DocumentRule = {
  name: 'isKnown' | 'isTrimmed';
  property: string;
  constraints: unknown[];
  each: boolean;
};

const documentRules = new WeakMap<object, DocumentRule[]>();

const documentRule =
  (name: DocumentRule['name'], constraints: unknown[] = [], each = false) =>
  (target: object, property: string | symbol): void => {
    const rule = { name, property: String(property), constraints, each };
    documentRules.set(target, [...(documentRules.get(target) ?? []), rule]);
  };

/** The document rules of a class and the classes it extends. */
export const documentRulesOf = (target: Class): DocumentRule[] => {
  const rules: DocumentRule[] = [];
  for (
    let p: unknown = target.prototype;
    p && p !== Object.prototype;
    p = Object.getPrototypeOf(p)
  ) {
    rules.push(...(documentRules.get(p) ?? []));
  }
  return rules;
};

/**
 * A value from a vocabulary another context owns (RFM segment names, event types). The handler
 * checks it where the values are known; the document lists them as an enum, from the
 * vocabularies the composition root gives finishOpenApiDocument.
 */
export const OneOfKnown = (
  vocabulary: string,
  options: { each?: boolean; also?: readonly string[] } = {},
): PropertyDecorator =>
  documentRule('isKnown', [vocabulary, options.also ?? []], options.each ?? false);

/**
 * Free text the edge trims before its other rules: with a minimum length, a value of only
 * whitespace is refused, and the document says so (it must contain a non-whitespace character).
 */
export const Trimmed = (): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim() : value,
    ),
    documentRule('isTrimmed'),
  );
