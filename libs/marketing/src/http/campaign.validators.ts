import type { ValidationOptions } from 'class-validator';
import { ValidateBy, buildMessage } from 'class-validator';

const siblingOf = (object: object, field: string): unknown =>
  (object as Record<string, unknown>)[field];

/** An instant after the instant in another field of the same object (skipped if that is invalid). */
export const IsAfterField = (field: string, options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isAfterField',
      constraints: [field],
      validator: {
        validate: (value, args) => {
          const other = Date.parse(String(siblingOf(args?.object ?? {}, field)));
          return Number.isNaN(other) || Date.parse(String(value)) > other;
        },
        defaultMessage: buildMessage((each) => `${each}$property must be after ${field}`, options),
      },
    },
    options,
  );

/** A number not below another field of the same object, when both are given. */
export const IsNotBelowField = (field: string, options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isNotBelowField',
      constraints: [field],
      validator: {
        validate: (value, args) => {
          const other = siblingOf(args?.object ?? {}, field);
          return typeof other !== 'number' || typeof value !== 'number' || value >= other;
        },
        defaultMessage: buildMessage(
          (each) => `${each}$property must not be below ${field}`,
          options,
        ),
      },
    },
    options,
  );

/** An object with at least one of these fields set. */
export const HasOneOf = (
  fields: readonly string[],
  options?: ValidationOptions,
): PropertyDecorator =>
  ValidateBy(
    {
      name: 'hasOneOf',
      constraints: [fields],
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'object' || value === null) return false;
          return fields.some(
            (f) => siblingOf(value, f) !== undefined && siblingOf(value, f) !== null,
          );
        },
        defaultMessage: buildMessage(
          (each) => `${each}$property must set at least one of ${fields.join(', ')}`,
          options,
        ),
      },
    },
    options,
  );
