import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ApiWholeNumber, FreshnessQueryDto } from '@crm/platform';
import {
  EXACT_AMOUNT_DESCRIPTION,
  ExactMoneyResponse,
  IsCurrencyCode,
  SAFE_AMOUNT_DESCRIPTION,
} from '@crm/sales';

export const MAX_TOP = 500;

export class CustomerValueQueryDto extends FreshnessQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_TOP,
    default: 10,
    description: 'How many customers per currency',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TOP)
  top?: number;

  @ApiPropertyOptional({ example: 'EUR', description: 'Only this ISO 4217 currency' })
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;
}

class MoneyAmountResponse {
  @ApiWholeNumber({ example: 129900, description: 'Integer minor units' }) amount!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
}

class CurrencyTotalResponse {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 98_765_400,
    description: `Σ customer value, minor units. ${SAFE_AMOUNT_DESCRIPTION}`,
  })
  amount!: number | null;
  @ApiProperty({
    example: '98765400',
    pattern: '^-?[0-9]+$',
    description: EXACT_AMOUNT_DESCRIPTION,
  })
  amountExact!: string;
  @ApiWholeNumber({ example: 1200 }) customers!: number;
  @ApiWholeNumber({ example: 4100 }) orders!: number;
  @ApiWholeNumber({
    example: 24089,
    description:
      'Σ amount / orders rounded half up to a minor unit (never above the largest order)',
  })
  averageOrderValue!: number;
}

class TopCustomerResponse {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ type: ExactMoneyResponse }) value!: ExactMoneyResponse;
  @ApiWholeNumber({ example: 7 }) orderCount!: number;
  @ApiProperty({ type: MoneyAmountResponse }) averageOrderValue!: MoneyAmountResponse;
}

class CurrencyTopResponse {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: [TopCustomerResponse] }) customers!: TopCustomerResponse[];
}

export class CustomerValueReportResponse {
  @ApiProperty({ type: [CurrencyTotalResponse] }) totals!: CurrencyTotalResponse[];
  @ApiProperty({ type: [CurrencyTopResponse], description: 'Highest value first, per currency' })
  top!: CurrencyTopResponse[];
}
