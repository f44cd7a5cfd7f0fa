import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Query parameters every list endpoint accepts. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;

  @ApiPropertyOptional({ description: 'Wait until the read model has applied this log position' })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'minPosition must be a non-negative integer' })
  minPosition?: string;
}

/** A query with only read-your-writes. */
export class FreshnessQueryDto {
  @ApiPropertyOptional({ description: 'Wait until the read model has applied this log position' })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'minPosition must be a non-negative integer' })
  minPosition?: string;
}

export class PageResponse<T> {
  items!: T[];
  nextCursor!: string | null;
}
