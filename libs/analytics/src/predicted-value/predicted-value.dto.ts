import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { ApiWholeNumber, FreshnessQueryDto, PageQueryDto } from '@crm/platform';
import { ExactMoneyResponse, IsCurrencyCode } from '@crm/sales';
import type { TimeUnit } from './purchase-history';

/** A calendar date, or a date-time with a zone: what `new Date()` reads the same everywhere. */
const CALENDAR_INSTANT =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A day given as a date or an instant: its whole UTC day counts. */
const DayParameter = (name: string, description: string, required: boolean) => {
  const decorators = [
    (required ? ApiProperty : ApiPropertyOptional)({
      example: '2025-09-30',
      description: `${description} (a date, or an instant whose UTC day counts, all of it)`,
    }),
    IsISO8601({ strict: true }, { message: `${name} must be an ISO 8601 date or date-time` }),
    Matches(CALENDAR_INSTANT, {
      message: `${name} must look like 2025-07-01 or 2025-07-01T12:00:00Z`,
    }),
  ];
  return (target: object, key: string) => {
    if (!required) IsOptional()(target, key);
    for (const decorate of decorators) decorate(target, key);
  };
};

export const TIME_UNITS: readonly TimeUnit[] = ['week', 'day'];
export const DEFAULT_HORIZON_DAYS = 365;
export const MAX_HORIZON_DAYS = 3650;
export const MAX_TOP = 100_000;
/** Back-tests over longer holdouts would only add weeks nobody reads. */
export const MAX_HOLDOUT_DAYS = 1830;

export class PredictedValueModelQueryDto extends FreshnessQueryDto {
  @DayParameter(
    'asOf',
    'Fit on the purchases as the log told them at the end of this day (default today)',
    false,
  )
  asOf?: string;

  @ApiPropertyOptional({
    enum: TIME_UNITS,
    default: 'week',
    description: 'Time unit of tₓ, T and α',
  })
  @IsOptional()
  @IsIn(TIME_UNITS)
  unit?: TimeUnit;

  @ApiPropertyOptional({
    example: 'EUR',
    description: 'Gamma-Gamma of this currency (default: the one with the most repeat customers)',
  })
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;
}

const Probability = (description: string) => (target: object, key: string) => {
  ApiPropertyOptional({ type: 'number', minimum: 0, maximum: 1, description })(target, key);
  IsOptional()(target, key);
  Type(() => Number)(target, key);
  IsNumber({ allowNaN: false, allowInfinity: false })(target, key);
  Min(0)(target, key);
  Max(1)(target, key);
};

export class PredictedValueListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_TOP,
    description: 'Only the N highest predicted values per currency',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TOP)
  top?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_HORIZON_DAYS,
    default: DEFAULT_HORIZON_DAYS,
    description: 'Predict purchases and value over this many days from today',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_HORIZON_DAYS)
  horizonDays?: number;

  @ApiPropertyOptional({ example: 'EUR', description: 'Only this ISO 4217 currency' })
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;

  @Probability('Only customers at least this likely to be alive')
  minPAlive?: number;

  @Probability(
    'Only customers at most this likely to be alive; below 1 it is the churn list ' +
      '(one-time buyers always have P(alive) = 1 in BG/NBD, so only repeat buyers remain)',
  )
  maxPAlive?: number;
}

export class PredictedValueBacktestQueryDto extends FreshnessQueryDto {
  @DayParameter('calibrationEnd', 'Fit on the purchases known at the end of this day', true)
  calibrationEnd!: string;

  @DayParameter('holdoutEnd', 'Compare with the purchases made up to this day', true)
  holdoutEnd!: string;
}

class BgNbdResponse {
  @ApiProperty({ example: 0.2426 }) r!: number;
  @ApiProperty({ example: 4.4136, description: 'In the response’s time unit' }) alpha!: number;
  @ApiProperty({ example: 0.7929 }) a!: number;
  @ApiProperty({ example: 2.4259 }) b!: number;
  @ApiProperty({ example: -9582.43 }) logLikelihood!: number;
  @ApiProperty({ description: 'Whether the optimiser met its tolerances' }) converged!: boolean;
}

class GammaGammaResponse {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiWholeNumber({ example: 946, description: 'Customers with x ≥ 1 and a positive mean' })
  customers!: number;
  @ApiProperty({ example: 6.25 }) p!: number;
  @ApiProperty({ example: 3.74 }) q!: number;
  @ApiProperty({ example: 15.44, description: 'Minor units' }) gamma!: number;
  @ApiProperty({ example: -4000.1 }) logLikelihood!: number;
  @ApiProperty() converged!: boolean;
}

class PAliveBinResponse {
  @ApiProperty({ example: 0.9 }) from!: number;
  @ApiProperty({ example: 1, description: 'Exclusive, except the last bin (includes 1)' })
  to!: number;
  @ApiWholeNumber({ example: 1200 }) customers!: number;
}

export class PredictedValueModelResponse {
  @ApiProperty({ example: '2025-09-30', format: 'date' }) asOf!: string;
  @ApiProperty({ enum: TIME_UNITS }) unit!: string;
  @ApiWholeNumber({ example: 2357, description: 'Customers whose first purchase is by asOf' })
  customers!: number;
  @ApiWholeNumber({ example: 946, description: 'Of those, customers with a repeat purchase' })
  repeatCustomers!: number;
  @ApiProperty({ type: BgNbdResponse, nullable: true, description: 'Null without customers' })
  bgnbd!: BgNbdResponse | null;
  @ApiProperty({
    type: GammaGammaResponse,
    nullable: true,
    description: 'Null when no customer of the currency has a repeat purchase worth more than 0',
  })
  gammaGamma!: GammaGammaResponse | null;
  @ApiProperty({ type: [String], description: 'Currencies with a Gamma-Gamma fit' })
  currencies!: string[];
  @ApiProperty({
    type: [PAliveBinResponse],
    description: 'P(alive) of the customers in the fit, in ten bins of 0.1',
  })
  pAliveDistribution!: PAliveBinResponse[];
}

class MoneyAmountResponse {
  @ApiWholeNumber({ example: 4210, description: 'Integer minor units (rounded)' }) amount!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
}

export class PredictedCustomerResponse {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiWholeNumber({ example: 3, description: 'Repeat purchases so far (x)' })
  repeatPurchases!: number;
  @ApiProperty({ example: 0.83, minimum: 0, maximum: 1 }) pAlive!: number;
  @ApiProperty({
    example: 1.9,
    description: 'E[Y(horizon)] times the share of the customer’s purchases made in this currency',
  })
  expectedPurchases!: number;
  @ApiProperty({
    type: MoneyAmountResponse,
    nullable: true,
    description: 'Gamma-Gamma E[M]; null without a fit for the currency (or with q ≤ 1)',
  })
  expectedAverageValue!: MoneyAmountResponse | null;
  @ApiProperty({
    type: ExactMoneyResponse,
    nullable: true,
    description: 'expectedPurchases × expectedAverageValue, rounded to a minor unit',
  })
  predictedValue!: ExactMoneyResponse | null;
}

export class PredictedValuePageResponse {
  @ApiProperty({ example: '2026-12-07', format: 'date' }) asOf!: string;
  @ApiWholeNumber({ example: 365 }) horizonDays!: number;
  @ApiProperty({
    type: [PredictedCustomerResponse],
    description: 'By currency, then highest predicted value first',
  })
  items!: PredictedCustomerResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

class BacktestWeekResponse {
  @ApiWholeNumber({ example: 1 }) week!: number;
  @ApiProperty({ example: '2025-10-07', format: 'date', description: 'Last day included' })
  end!: string;
  @ApiProperty({ example: 85.2 }) predictedCumulative!: number;
  @ApiWholeNumber({ example: 81 }) actualCumulative!: number;
}

export class PredictedValueBacktestResponse {
  @ApiProperty({ example: '2025-09-30', format: 'date' }) calibrationEnd!: string;
  @ApiProperty({ example: '2026-06-30', format: 'date' }) holdoutEnd!: string;
  @ApiWholeNumber({ example: 2357 }) customers!: number;
  @ApiProperty({ type: BgNbdResponse, nullable: true, description: 'Fitted in weeks' })
  bgnbd!: BgNbdResponse | null;
  @ApiProperty({ example: 1788.2 }) predictedPurchases!: number;
  @ApiWholeNumber({ example: 1801 }) actualPurchases!: number;
  @ApiProperty({ type: [BacktestWeekResponse] }) byWeek!: BacktestWeekResponse[];
  @ApiProperty({
    example: 0.71,
    description: 'Mean over customers of |predicted − actual| holdout purchases',
  })
  meanAbsoluteError!: number;
}
