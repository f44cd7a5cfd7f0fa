import { ApiProperty } from '@nestjs/swagger';

export type WholeNumberOptions = {
  description?: string;
  example?: number;
  nullable?: boolean;
  required?: boolean;
  minimum?: number;
  maximum?: number;
};

/**
 * A whole number in a response (a count, days, a log position, an amount in minor units):
 * `integer` and at least 0, so a consumer's generated type and validator say what it is.
 */
export const ApiWholeNumber = (options: WholeNumberOptions = {}): PropertyDecorator =>
  ApiProperty({ type: 'integer', minimum: 0, ...options });
