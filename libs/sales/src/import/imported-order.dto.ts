import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import type { CancelReason, RefundReason } from '../domain/order';
import { CANCEL_REASONS, REFUND_REASONS } from '../domain/order';
import { MAX_AMOUNT } from '../domain/money-limits';
import { MAX_ORDER_LINES } from '../domain/order-lines';
import { IsCurrencyCode } from '../http/is-currency-code.validator';
import { OrderLineDto } from '../http/order.dto';

/** The status an imported order ends in; `paid` is a confirmed order paid in full. */
export const IMPORTED_ORDER_STATUSES = [
  'placed',
  'confirmed',
  'paid',
  'shipped',
  'delivered',
  'cancelled',
] as const;
export type ImportedOrderStatus = (typeof IMPORTED_ORDER_STATUSES)[number];

/** Statuses whose orders were paid in full, so a refund has something to give back. */
export const PAID_STATUSES: readonly ImportedOrderStatus[] = ['paid', 'shipped', 'delivered'];

export const MAX_IMPORTED_ORDERS = 1000;
export const MAX_REF_LENGTH = 100;

/** RFC 3339 date-time with an explicit offset: a bare date or local time would guess a zone. */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]\d{2}:[0-5]\d)$/i;

/** Also refuses a day the month does not have (2019-02-30), which Date.parse rolls over. */
export const isIsoDateTime = (value: unknown): value is string => {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const IsIsoDateTime = (): PropertyDecorator =>
  ValidateBy({
    name: 'isIsoDateTime',
    validator: {
      validate: isIsoDateTime,
      defaultMessage: (args) =>
        `${args?.property ?? 'value'} must be an ISO 8601 date-time with an offset, e.g. 2021-03-04T10:15:00Z`,
    },
  });

export class ImportedRefundDto {
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT)
  amount!: number;

  @IsOptional()
  @IsIn(REFUND_REASONS)
  reason?: RefundReason;
}

export class ImportedOrderDto {
  @IsString()
  @Length(1, MAX_REF_LENGTH)
  @Matches(/^\S(.*\S)?$/s, { message: 'ref must not be blank or start or end with whitespace' })
  ref!: string;

  @IsCurrencyCode()
  currency!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  lines!: OrderLineDto[];

  @IsIsoDateTime()
  placedAt!: string;

  @IsOptional()
  @IsIn(IMPORTED_ORDER_STATUSES)
  status?: ImportedOrderStatus;

  @IsOptional()
  @IsIn(CANCEL_REASONS)
  cancelReason?: CancelReason;

  @IsOptional()
  @ValidateNested()
  @Type(() => ImportedRefundDto)
  refunded?: ImportedRefundDto;
}

/** The row's `orders` field, wrapped so every error path starts with `orders`. */
export class ImportedOrdersDto {
  @IsArray()
  @ArrayMaxSize(MAX_IMPORTED_ORDERS)
  @ValidateNested({ each: true })
  @Type(() => ImportedOrderDto)
  orders!: ImportedOrderDto[];
}
