import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { ErrorDetail } from './error-body';
import { RequestValidationError } from './error-body';
import { cacheValidationMetadata } from './validation-metadata-cache';

/** Flattens class-validator's tree into `{ field: 'lines.0.sku', rule: 'isNotEmpty', … }`. */
export const toDetails = (errors: ValidationError[], prefix = ''): ErrorDetail[] =>
  errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknownField' : rule,
      message,
    }));
    return [...own, ...toDetails(error.children ?? [], field)];
  });

/** Unknown fields are refused, types are converted from query strings, 400 names field and rule. */
export const createValidationPipe = (): ValidationPipe => {
  cacheValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(toDetails(errors)),
  });
};
