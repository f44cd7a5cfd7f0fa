import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '@crm/platform';
import type { CancelReason, OrderStatus, RefundReason } from '../domain/order';
import { CANCEL_REASONS, REFUND_REASONS } from '../domain/order';
import { MAX_AMOUNT, MAX_QUANTITY } from '../domain/money-limits';
import { MAX_ORDER_LINES } from '../domain/order-lines';
import { IsCurrencyCode } from './is-currency-code.validator';
import { IsOrderTotalWithinLimit } from './order-total.validator';

export const SKU = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
export const ORDER_STATUSES: readonly OrderStatus[] = [
  'placed',
  'confirmed',
  'shipped',
  'delivered',
  'cancelled',
];

export class OrderLineDto {
  @ApiProperty({
    example: 'BOOK-978-0262033848',
    description: 'Letters, digits and . _ : / -, up to 64',
  })
  @IsString()
  @Matches(SKU, {
    message: 'sku must be 1 to 64 letters, digits or . _ : / - starting with a letter or digit',
  })
  sku!: string;

  @ApiProperty({ example: 2, minimum: 1, maximum: MAX_QUANTITY })
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity!: number;

  @ApiProperty({
    example: 4999,
    minimum: 0,
    maximum: MAX_AMOUNT,
    description: "Integer minor units of the order's currency (4999 = 49.99 EUR), at most 10^15",
  })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT)
  unitPrice!: number;
}

export class PlaceOrderDto {
  @ApiProperty({ format: 'uuid', description: 'An existing customer that has not been forgotten' })
  @IsUUID()
  customerId!: string;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code; every line is priced in it' })
  @IsCurrencyCode()
  currency!: string;

  @ApiProperty({
    type: [OrderLineDto],
    minItems: 1,
    maxItems: MAX_ORDER_LINES,
    description: `Σ quantity × unitPrice must be at most ${MAX_AMOUNT} minor units`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  @IsOrderTotalWithinLimit()
  lines!: OrderLineDto[];

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The campaign the order is attributed to if that campaign was launched and its window covers the order; not checked here (otherwise attribution goes by last touch)',
  })
  @IsOptional()
  @IsUUID()
  campaignId?: string;
}

/** Money on the wire: integer minor units and an ISO 4217 code. */
export class MoneyDto {
  @ApiProperty({
    example: 2500,
    minimum: 1,
    maximum: MAX_AMOUNT,
    description: 'Integer minor units (2500 = 25.00 EUR), at most 10^15',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT)
  amount!: number;

  @ApiProperty({ example: 'EUR', description: "ISO 4217 code; must be the order's currency" })
  @IsCurrencyCode()
  currency!: string;
}

export class RecordPaymentDto extends MoneyDto {}

export class IssueRefundDto extends MoneyDto {
  @ApiPropertyOptional({ enum: REFUND_REASONS, example: 'damaged' })
  @IsOptional()
  @IsIn(REFUND_REASONS)
  reason?: RefundReason;
}

export class CancelOrderDto {
  @ApiProperty({ enum: CANCEL_REASONS, example: 'customer_request' })
  @IsIn(CANCEL_REASONS)
  reason!: CancelReason;
}

export class SearchOrdersDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;
}
