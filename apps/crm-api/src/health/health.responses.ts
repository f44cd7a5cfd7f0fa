import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LiveResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

const indicators = {
  type: 'object',
  additionalProperties: { type: 'object', additionalProperties: true },
} as const;

/** The status alone; with an admin key, @nestjs/terminus's per-indicator result too. */
export class ReadyResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiPropertyOptional(indicators) info?: Record<string, unknown>;
  @ApiPropertyOptional(indicators) error?: Record<string, unknown>;
  @ApiPropertyOptional(indicators) details?: Record<string, unknown>;
}
