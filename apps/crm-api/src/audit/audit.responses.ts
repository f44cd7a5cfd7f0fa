import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ActorResponse {
  @ApiProperty({ description: 'The API key id (or the CLI operator)' }) id!: string;
  @ApiProperty({ example: 'service' }) role!: string;
}

export class EventMetadataResponse {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() commandId!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty() causationId!: string;
  @ApiProperty({ type: ActorResponse }) actor!: ActorResponse;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) schemaVersion!: number;
  @ApiPropertyOptional({ format: 'uuid' }) customerId?: string;
}

export class RecordedEventResponse {
  @ApiProperty({ example: 'customer-3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b' }) streamId!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) revision!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) position!: number;
  @ApiProperty({ example: 'CustomerCreated' }) type!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Decrypted; personal data shows as [erased] once the customer is forgotten',
  })
  data!: Record<string, unknown>;
  @ApiProperty({ type: EventMetadataResponse }) metadata!: EventMetadataResponse;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiPropertyOptional({ description: 'The event’s link in the tamper-evident chain' })
  hash?: string;
}

export class HistoryPageResponse {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ type: [RecordedEventResponse] }) events!: RecordedEventResponse[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as cursor for the next page; null on the last',
  })
  nextCursor!: string | null;
}

/** The state folded up to the point; the sections (profile, tickets, orders) come after these. */
export class StateAtResponse {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ description: 'The point asked for: an ISO instant or a log position' })
  at!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Last log position folded in' })
  position!: number;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) recordedAt!: string | null;
}
