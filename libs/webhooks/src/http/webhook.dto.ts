import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { OneOfKnown } from '@crm/platform';
import { ALL_EVENT_TYPES } from '../store/webhook.documents';
import { WEBHOOK_URL_SCHEMA } from './webhook-url.schema';

/** How the edge reads a webhook URL before the target policy sees it. */
export const WEBHOOK_URL_OPTIONS = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_tld: false,
};

export class RegisterWebhookDto {
  @ApiProperty({ example: 'https://hooks.example.com/crm', ...WEBHOOK_URL_SCHEMA })
  @IsString()
  @MaxLength(2000)
  @IsUrl(WEBHOOK_URL_OPTIONS, { message: 'url must be an absolute http or https URL' })
  url!: string;

  @ApiProperty({
    example: ['CustomerCreated', 'OrderPlaced'],
    description: 'Event types to receive, or ["*"] for all of them',
  })
  @OneOfKnown('eventType', { each: true, also: [ALL_EVENT_TYPES] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Matches(/^(\*|[A-Z][A-Za-z0-9]{0,99})$/, {
    each: true,
    message: 'each of eventTypes must be * or an event type name such as CustomerCreated',
  })
  eventTypes!: string[];

  @ApiPropertyOptional({
    default: false,
    description:
      'Receive personal data revealed (or [erased] once forgotten); otherwise each value reads [personal data]',
  })
  @IsOptional()
  @IsBoolean()
  includePersonalData?: boolean;
}

export class ReplayWebhookDto {
  @ApiProperty({
    example: 1,
    minimum: 0,
    description: 'Resend every matching event at or after this log position (0: from the start)',
  })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  fromPosition!: number;
}

export class WebhookPageQueryDto {
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
}
