import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { calendarPattern } from './calendar-pattern';
import type { Vocabularies } from './document-rules';
import { documentRulesOf } from './document-rules';

type Json = Record<string, unknown>;
/** A class, as class-validator keys its rules. */
export type Class = abstract new (...args: never[]) => unknown;
type Rule = { name: string; constraints: unknown[]; each: boolean; property: string };

/** `^[^X]*$`: a pattern of one negated class, which `\S` can join without a lookahead. */
const ONE_NEGATED_CLASS = /^\^\[\^([^\]]+)\]\*\$$/;

/** A trimmed value that has a minimum length must contain a non-whitespace character. */
const nonBlank = (schema: Json): Json => {
  if (typeof schema['minLength'] !== 'number' || schema['minLength'] < 1) return {};
  const pattern = schema['pattern'];
  if (typeof pattern !== 'string') return { pattern: '\\S' };
  const excluded = ONE_NEGATED_CLASS.exec(pattern)?.[1];
  if (excluded) return { pattern: `^[^${excluded}]*[^${excluded}\\s][^${excluded}]*$` };
  return { description: 'Must contain a character other than whitespace (the value is trimmed).' };
};

/**
 * What a class-validator rule enforces, as JSON Schema keywords. The rules are the server's own
 * checks, so the document states exactly what the edge refuses with a 400, in one place.
 */
const keywordsOf = (rule: Rule, schema: Json, vocabularies: Vocabularies): Json => {
  const [first, second] = rule.constraints;
  switch (rule.name) {
    case 'isInt':
      return { type: 'integer' };
    case 'min':
      return { minimum: first };
    case 'max':
      return { maximum: first };
    case 'isPositive':
      return { exclusiveMinimum: 0 };
    case 'isEmail':
      return { format: 'email' };
    case 'isUuid':
      return { format: 'uuid' };
    case 'isIso8601':
    case 'isDateString':
      return { format: 'date-time' };
    case 'matches':
      // A flagged pattern (/…/i) has no JSON Schema equivalent: the rule stays in the message.
      return first instanceof RegExp && first.flags === '' ? { pattern: first.source } : {};
    case 'isLength':
      return { minLength: first, ...(typeof second === 'number' ? { maxLength: second } : {}) };
    case 'minLength':
      return { minLength: first };
    case 'maxLength':
      return { maxLength: first };
    case 'isIn':
      return Array.isArray(first) && !schema['enum'] ? { enum: first } : {};
    case 'arrayMinSize':
      return { minItems: first };
    case 'arrayMaxSize':
      return { maxItems: first };
    case 'isCurrencyCode':
      return Array.isArray(first) ? { enum: first } : { pattern: '^[A-Z]{3}$' };
    case 'isUrl':
      return { format: 'uri' };
    case 'isTrimmed':
      return nonBlank(schema);
    case 'isKnown': {
      const values = vocabularies[String(first)] ?? [];
      return values.length > 0 ? { enum: [...(second as string[]), ...values] } : {};
    }
    // Rules between fields, which JSON Schema cannot state: said in the description.
    case 'isAfterField':
      return { description: `Must be after \`${String(first)}\`.` };
    case 'isNotBelowField':
      return { description: `Must not be below \`${String(first)}\`.` };
    case 'maxTotal':
      return { description: 'Σ quantity × unitPrice must stay within the money limit.' };
    default:
      return {};
  }
};

const rulesOf = (target: Class): Rule[] => [
  ...getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .map((m: ValidationMetadata) => ({
      name: m.name ?? m.type,
      constraints: (m.constraints ?? []) as unknown[],
      each: m.each,
      property: m.propertyName,
    })),
  ...documentRulesOf(target),
];

/** The classes class-validator knows rules for, plus any others given (rule-less subclasses). */
const validatedClasses = (extra: readonly Class[]): Class[] => {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<Class, unknown>;
  };
  return [...new Set([...storage.validationMetadatas.keys(), ...extra])];
};

const apply = (schema: Json, keywords: Json): Json => {
  // References and compositions keep their own constraints.
  if (schema['$ref'] || schema['allOf'] || schema['oneOf']) return schema;
  const numeric = schema['type'] === 'integer' || keywords['type'] === 'integer';
  const out = { ...schema, ...keywords };
  if (typeof keywords['description'] === 'string' && typeof schema['description'] === 'string') {
    out['description'] = `${schema['description']} ${keywords['description']}`;
  }
  if (numeric && 'pattern' in keywords) delete out['pattern'];
  // A pattern is the exact shape accepted; `date-time` would refuse the dates it admits, so the
  // strict calendar check goes into the pattern instead.
  if (out['format'] === 'date-time' && typeof out['pattern'] === 'string') {
    delete out['format'];
    out['pattern'] = calendarPattern(out['pattern']);
  }
  return out;
};

/**
 * Adds to each component schema named like a validated class the constraints its rules enforce
 * (integers, bounds, formats, patterns, lengths, enums), on the OpenAPI 3.0 document.
 */
export const addValidationConstraints = (
  schemas: Record<string, unknown>,
  classes: readonly Class[] = [],
  vocabularies: Vocabularies = {},
): void => {
  for (const target of validatedClasses(classes)) {
    const schema = schemas[target.name] as Json | undefined;
    const properties = schema?.['properties'] as Record<string, Json> | undefined;
    if (!properties) continue;
    for (const rule of rulesOf(target)) {
      const property = properties[rule.property];
      if (!property) continue;
      if (rule.each && property['type'] === 'array' && property['items']) {
        const items = property['items'] as Json;
        properties[rule.property] = {
          ...property,
          items: apply(items, keywordsOf(rule, items, vocabularies)),
        };
      } else if (!rule.each) {
        properties[rule.property] = apply(property, keywordsOf(rule, property, vocabularies));
      }
    }
  }
};

type Parameter = { in: string; name: string; schema?: Json };

/** The same for the query parameters @nestjs/swagger expands from a query class. */
export const constrainQueryParameters = (
  parameters: Parameter[],
  target: Class,
  vocabularies: Vocabularies = {},
): Parameter[] => {
  const rules = rulesOf(target).filter((rule) => !rule.each);
  return parameters.map((parameter) => {
    if (parameter.in !== 'query') return parameter;
    const schema = rules
      .filter((rule) => rule.property === parameter.name)
      .reduce(
        (out, rule) => apply(out, keywordsOf(rule, out, vocabularies)),
        parameter.schema ?? {},
      );
    return { ...parameter, schema };
  });
};
