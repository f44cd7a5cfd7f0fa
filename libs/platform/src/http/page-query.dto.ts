import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Read-your-writes: a global log position as decimal digits (the read waits, else 503). */
const MIN_POSITION = {
  type: 'string',
  pattern: '^\\d{1,15}$',
  example: '1042',
  description: 'Wait until the read model has applied this log position, else answer 503',
} as const;

/** Query parameters every list endpoint accepts. */
export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;

  @ApiPropertyOptional(MIN_POSITION)
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'minPosition must be a non-negative integer' })
  minPosition?: string;
}

/** A query with only read-your-writes. */
export class FreshnessQueryDto {
  @ApiPropertyOptional(MIN_POSITION)
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'minPosition must be a non-negative integer' })
  minPosition?: string;
}

export class PageResponse<T> {
  items!: T[];
  nextCursor!: string | null;
}
