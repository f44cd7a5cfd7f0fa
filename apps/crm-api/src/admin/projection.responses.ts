import { ApiWholeNumber } from '@crm/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class RebuildProgressResponse {
  @ApiProperty() projection!: string;
  @ApiProperty({ enum: ['building', 'swapping', 'done', 'failed'] }) state!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Log position the copy has reached' })
  done!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'The head it is catching up with' })
  total!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Events of the types the projection handles, applied to the copy so far',
  })
  eventsDone!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Events of those types in the log up to the head (counted, not subtracted)',
  })
  eventsTotal!: number;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiWholeNumber() eventsPerSecond!: number;
  @ApiWholeNumber({ nullable: true }) etaSeconds!: number | null;
  @ApiPropertyOptional() error?: string;
}

export class StoppedAtResponse {
  @ApiProperty({ type: 'integer', minimum: 0 }) position!: number;
  @ApiProperty() type!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() error!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) attempts!: number;
}

export class ProjectionStatusResponse {
  @ApiProperty({ example: 'customer-profile' }) name!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Stored checkpoint' })
  checkpoint!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Applied up to (maybe past the checkpoint)',
  })
  position!: number;
  @ApiProperty({
    enum: ['starting', 'running', 'backing-off', 'stopped', 'standby', 'idle', 'external'],
  })
  state!: string;
  @ApiProperty() behind!: boolean;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Events after position, counted up to a cap',
  })
  lagEvents!: number;
  @ApiProperty({ description: 'lagEvents is the cap: at least that many' }) lagCapped!: boolean;
  @ApiPropertyOptional({
    type: StoppedAtResponse,
    description: 'The event a stopped one cannot apply',
  })
  stoppedAt?: StoppedAtResponse;
  @ApiPropertyOptional() lastError?: string;
  @ApiProperty({ type: RebuildProgressResponse, nullable: true })
  rebuild!: RebuildProgressResponse | null;
}
