import { ParseUUIDPipe } from '@nestjs/common';
import { RequestValidationError } from '@crm/platform';

/** `:id` path parameters must be UUIDs; anything else is a 400 naming the parameter. */
export const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new RequestValidationError([{ field: 'id', rule: 'isUuid', message: 'id must be a UUID' }]),
});
