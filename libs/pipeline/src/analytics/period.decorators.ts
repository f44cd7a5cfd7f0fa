import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { CALENDAR_INSTANT } from './period';

/**
 * A query parameter that is a date or an instant (`from`, `to`, `asOf` of the pipeline
 * analytics): documented, optional or required, strict ISO 8601 and a date or a date-time with a
 * zone (what `Date.parse` reads the same everywhere); a 400 names the field and the rule.
 */
export const InstantQuery =
  (name: string, options: { description: string; example: string; required: boolean }) =>
  (target: object, key: string): void => {
    const { description, example, required } = options;
    (required ? ApiProperty : ApiPropertyOptional)({ example, description })(target, key);
    if (!required) IsOptional()(target, key);
    IsISO8601({ strict: true }, { message: `${name} must be an ISO 8601 date or date-time` })(
      target,
      key,
    );
    Matches(CALENDAR_INSTANT, {
      message: `${name} must look like 2026-01-31 or 2026-01-31T12:00:00Z`,
    })(target, key);
  };
