import { ApiProperty } from '@nestjs/swagger';
import { SATISFACTION_GROUPINGS } from './satisfaction.queries';

const count = { type: 'integer', minimum: 0 } as const;

export class ScoreDistributionResponse {
  @ApiProperty(count) '1'!: number;
  @ApiProperty(count) '2'!: number;
  @ApiProperty(count) '3'!: number;
  @ApiProperty(count) '4'!: number;
  @ApiProperty(count) '5'!: number;
}

export class SatisfactionFiguresResponse {
  @ApiProperty({ ...count, description: 'Number of ratings' }) n!: number;
  @ApiProperty({ type: 'number', nullable: true, description: 'Σ score / n; null without ratings' })
  average!: number | null;
  @ApiProperty({
    type: 'number',
    nullable: true,
    minimum: 0,
    maximum: 100,
    description: 'Share of ratings scored 4 or 5, in percent; null without ratings',
  })
  csatPercent!: number | null;
  @ApiProperty({ type: ScoreDistributionResponse }) distribution!: ScoreDistributionResponse;
}

export class SatisfactionGroupResponse extends SatisfactionFiguresResponse {
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Agent, category, channel or YYYY-MM',
  })
  key!: string | null;
}

export class SatisfactionReportResponse {
  @ApiProperty({ enum: SATISFACTION_GROUPINGS, nullable: true }) by!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) from!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) to!: string | null;
  @ApiProperty({ type: SatisfactionFiguresResponse }) overall!: SatisfactionFiguresResponse;
  @ApiProperty({ type: [SatisfactionGroupResponse] }) groups!: SatisfactionGroupResponse[];
}
