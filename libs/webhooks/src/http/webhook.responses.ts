import { ApiWholeNumber } from '@crm/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class WebhookResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'https://hooks.example.com/crm' }) url!: string;
  @ApiProperty({ example: ['CustomerCreated'] }) eventTypes!: string[];
  @ApiProperty() includePersonalData!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class RegisteredWebhookResponse extends WebhookResponse {
  @ApiProperty({
    example: 'whsec_…',
    description: 'HMAC-SHA256 key of the Webhook-Signature header; shown only in this response',
  })
  secret!: string;

  @ApiWholeNumber({ description: 'Log position at registration: later events are delivered' })
  cursor!: number;
}

export class WebhookPageResponse {
  @ApiProperty({ type: [WebhookResponse] }) items!: WebhookResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class WebhookFailureResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'HTTP 503' }) error!: string;
}

export class WebhookDetailsResponse extends WebhookResponse {
  @ApiProperty({ enum: ['healthy', 'failing', 'idle'] }) status!: string;
  @ApiWholeNumber({ description: 'Last log position taken in' }) cursor!: number;
  @ApiWholeNumber() headPosition!: number;
  @ApiWholeNumber({
    description:
      'Events of its types not yet delivered: pending plus not yet taken in, counted (at most 10000)',
  })
  lag!: number;
  @ApiWholeNumber({ description: 'Taken in, not yet delivered' }) pending!: number;
  @ApiWholeNumber() deadLetters!: number;
  @ApiWholeNumber() delivered!: number;
  @ApiWholeNumber() failedAttempts!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastDeliveredAt!: string | null;
  @ApiPropertyOptional({ type: WebhookFailureResponse, nullable: true })
  lastError!: WebhookFailureResponse | null;
}

export class DeliveryResponse {
  @ApiProperty({ format: 'uuid', description: 'The event id' }) deliveryId!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'CustomerCreated' }) type!: string;
  @ApiProperty({ example: 'customer-…' }) streamId!: string;
  @ApiWholeNumber() revision!: number;
  @ApiWholeNumber() position!: number;
  @ApiProperty({ enum: ['pending', 'dead'] }) status!: string;
  @ApiWholeNumber() attempts!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'no answer within 5000 ms' })
  lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deadAt!: string | null;
}

export class DeliveryPageResponse {
  @ApiProperty({ type: [DeliveryResponse] }) items!: DeliveryResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ReplayResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiWholeNumber() fromPosition!: number;
  @ApiWholeNumber({ description: 'The cursor now: events after it are taken in again' })
  cursor!: number;
}
