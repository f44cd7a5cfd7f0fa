import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { FreshnessQueryDto, RequestValidationError } from '@crm/platform';
import type { SatisfactionGrouping, SatisfactionReportQuery } from './satisfaction.queries';
import { SATISFACTION_GROUPINGS } from './satisfaction.queries';

export class SatisfactionReportDto extends FreshnessQueryDto {
  @ApiPropertyOptional({
    enum: SATISFACTION_GROUPINGS,
    description: 'Group by; month is the UTC calendar month',
  })
  @IsOptional()
  @IsIn(SATISFACTION_GROUPINGS)
  by?: SatisfactionGrouping;

  @ApiPropertyOptional({
    example: '2025-01-01T00:00:00Z',
    description: 'Ratings at or after this instant',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({
    example: '2025-04-01T00:00:00Z',
    description: 'Ratings before this instant',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;
}

/** Ratings compare as UTC ISO instants; a bare date means its midnight UTC. */
const instant = (field: 'from' | 'to', value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new RequestValidationError([
      {
        field,
        rule: 'isISO8601',
        message: `${field} must be a calendar date or date-time, e.g. 2025-01-31T00:00:00Z`,
      },
    ]);
  }
  return new Date(time).toISOString();
};

export const toReportQuery = (dto: SatisfactionReportDto): SatisfactionReportQuery => {
  const from = instant('from', dto.from);
  const to = instant('to', dto.to);
  if (from !== undefined && to !== undefined && from >= to) {
    throw new RequestValidationError([
      { field: 'to', rule: 'isAfterFrom', message: 'to must be later than from' },
    ]);
  }
  return { by: dto.by, from, to };
};
