import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class HistoryQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({
    description: 'Opaque cursor from the previous page',
    pattern: '^\\d{1,15}$',
  })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'cursor must be one this server issued' })
  cursor?: string;
}

/** An ISO 8601 instant (with a time) or a global log position. */
export const AT =
  /^(\d{1,15}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))$/;

export class StateAtQueryDto {
  @ApiProperty({
    example: '2026-03-01T12:00:00Z',
    description: 'ISO 8601 time with zone, or a global position',
    oneOf: [
      { type: 'string', pattern: '^\\d{1,15}$' },
      { type: 'string', format: 'date-time' },
    ],
  })
  @IsString()
  @Matches(AT, {
    message: 'at must be an ISO 8601 time with a zone (2026-03-01T12:00:00Z) or a log position',
  })
  at!: string;
}
