import type { ValidationOptions } from 'class-validator';
import { ValidateBy, buildMessage } from 'class-validator';
import { CURRENCY_CODES, isCurrencyCode } from '../domain/currencies';

/** The same ISO 4217 list the domain uses, so the edge and the decider never disagree. */
export const IsCurrencyCode = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isCurrencyCode',
      // The list, so the OpenAPI document can state it (validation-constraints.ts).
      constraints: [CURRENCY_CODES],
      validator: {
        validate: (value) => isCurrencyCode(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an ISO 4217 currency code in upper case, e.g. EUR`,
          options,
        ),
      },
    },
    options,
  );
