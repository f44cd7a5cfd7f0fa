import { parse as secureParse } from 'secure-json-parse';
import type { ErrorDetail } from './error-body';

/** Deeper bodies are refused before parsing: validators recurse and would overflow the stack. */
export const MAX_JSON_DEPTH = 64;

/** A 400 raised while reading the body, before any handler runs. */
export class BadBodyError extends Error {
  override readonly name = 'BadBodyError';
  readonly statusCode = 400;
  constructor(
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }
}

/** Nesting depth of a JSON text, counting brackets outside strings, stopping past the limit. */
const exceedsDepth = (text: string, limit: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 125 || c === 93) depth -= 1;
  }
  return false;
};

/** The path of the first string that is not well-formed UTF-16 (a lone surrogate), if any. */
const malformedStringPath = (value: unknown, path: string): string | null => {
  if (typeof value === 'string') return value.isWellFormed() ? null : path || 'body';
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = malformedStringPath(item, path ? `${path}.${index}` : String(index));
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!key.isWellFormed()) return path || 'body';
      const found = malformedStringPath(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
};

/**
 * The request body parser: refuses prototype-pollution keys (`__proto__`, `constructor`),
 * bodies nested deeper than MAX_JSON_DEPTH and strings with lone surrogates, each as a 400
 * naming the rule, so nothing hostile reaches validation.
 */
export const parseJsonBody = (text: string): unknown => {
  if (text.trim() === '') return undefined;
  if (exceedsDepth(text, MAX_JSON_DEPTH)) {
    throw new BadBodyError(`body is nested deeper than ${MAX_JSON_DEPTH} levels`, [
      {
        field: 'body',
        rule: 'maxDepth',
        message: `JSON may nest at most ${MAX_JSON_DEPTH} levels`,
      },
    ]);
  }
  let value: unknown;
  try {
    value = secureParse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    throw new BadBodyError(`body is not valid JSON: ${(error as Error).message}`);
  }
  const malformed = malformedStringPath(value, '');
  if (malformed) {
    throw new BadBodyError(`${malformed}: text must be well-formed Unicode`, [
      { field: malformed, rule: 'isWellFormed', message: `${malformed} contains a lone surrogate` },
    ]);
  }
  return value;
};
