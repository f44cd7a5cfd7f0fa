import { ApiProperty } from '@nestjs/swagger';
import {
  REPLY_AUTHORS,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
} from '../domain/ticket';

/** OpenAPI shapes of what the ticket queries answer (see application/ticket.view.ts). */
export class SlaClockResponse {
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'When the clock stopped; null while it runs',
  })
  stoppedAt!: string | null;
  @ApiProperty({ enum: ['met', 'breached', 'at_risk', 'on_track'] }) state!: string;
}

export class TicketSlaResponse {
  @ApiProperty({ type: SlaClockResponse }) firstResponse!: SlaClockResponse;
  @ApiProperty({ type: SlaClockResponse }) resolution!: SlaClockResponse;
}

export class TicketReplyResponse {
  @ApiProperty({ format: 'uuid' }) replyId!: string;
  @ApiProperty({ enum: REPLY_AUTHORS }) author!: string;
  @ApiProperty({ description: 'Masked for analysts' }) text!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class TicketRatingResponse {
  @ApiProperty({ type: 'integer', minimum: 1 }) resolutionNumber!: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) score!: number;
  @ApiProperty({ type: 'string', nullable: true, description: 'Masked for analysts' })
  comment!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** The fields the queue row and the detail share. */
export class TicketSummaryFields {
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status!: string;
  @ApiProperty({ description: 'Masked for analysts' }) subject!: string;
  @ApiProperty({ example: 'billing' }) category!: string;
  @ApiProperty({ enum: TICKET_CHANNELS }) channel!: string;
  @ApiProperty({ enum: TICKET_PRIORITIES }) priority!: string;
  @ApiProperty({ type: 'string', nullable: true }) agentId!: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'Masked for analysts' })
  resolution!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) resolutionCount!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) reopenCount!: number;
  @ApiProperty({ type: [TicketRatingResponse] }) ratings!: TicketRatingResponse[];
  @ApiProperty({ description: 'The customer was forgotten: free text shows as erased' })
  erased!: boolean;
  @ApiProperty({ type: TicketSlaResponse }) sla!: TicketSlaResponse;
}

export class TicketResponse extends TicketSummaryFields {
  @ApiProperty({ description: 'Masked for analysts' }) description!: string;
  @ApiProperty({ type: [TicketReplyResponse] }) replies!: TicketReplyResponse[];
}

export class TicketSummaryResponse extends TicketSummaryFields {
  @ApiProperty({ type: 'integer', minimum: 0 }) replyCount!: number;
}

export class TicketPageResponse {
  @ApiProperty({ type: [TicketSummaryResponse] }) items!: TicketSummaryResponse[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as cursor for the next page; null on the last',
  })
  nextCursor!: string | null;
}
