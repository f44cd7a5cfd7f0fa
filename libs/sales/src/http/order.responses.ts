import { ApiWholeNumber } from '@crm/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CANCEL_REASONS, REFUND_REASONS } from '../domain/order';
import { ORDER_STATUSES } from './order.dto';

/** OpenAPI shapes of what the order queries answer. */
export class MoneyResponse {
  @ApiWholeNumber({ example: 4999, description: 'Integer minor units' }) amount!: number;
  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code' }) currency!: string;
}

export class OrderLineResponse {
  @ApiProperty({ example: 'BOOK-978-0262033848' }) sku!: string;
  @ApiWholeNumber({ example: 2 }) quantity!: number;
  @ApiProperty({ type: MoneyResponse }) unitPrice!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse }) lineTotal!: MoneyResponse;
}

export class PaymentResponse {
  @ApiProperty({ type: MoneyResponse }) amount!: MoneyResponse;
  @ApiProperty({ format: 'date-time' }) paidAt!: string;
}

export class RefundResponse {
  @ApiProperty({ type: MoneyResponse }) amount!: MoneyResponse;
  @ApiPropertyOptional({ nullable: true, enum: REFUND_REASONS }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) refundedAt!: string;
}

export class OrderResponse {
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: [OrderLineResponse] }) lines!: OrderLineResponse[];
  @ApiProperty({ type: MoneyResponse, description: 'Σ quantity × unitPrice' })
  total!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse }) paid!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse }) refunded!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse, description: 'Still due: total − paid' })
  balance!: MoneyResponse;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) campaignId!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The opportunity whose win placed the order (POST /opportunities/{id}/win)',
  })
  opportunityId!: string | null;
  @ApiPropertyOptional({ nullable: true, enum: CANCEL_REASONS }) cancelReason!: string | null;
  @ApiProperty({ type: [PaymentResponse] }) payments!: PaymentResponse[];
  @ApiProperty({ type: [RefundResponse] }) refunds!: RefundResponse[];
  @ApiProperty({ format: 'date-time' }) placedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) confirmedAt!:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) shippedAt!:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) deliveredAt!:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) cancelledAt!:
    string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class OrderPageResponse {
  @ApiProperty({ type: [OrderResponse] }) items!: OrderResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page' })
  nextCursor!: string | null;
}
