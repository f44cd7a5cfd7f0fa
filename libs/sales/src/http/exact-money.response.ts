import { ApiProperty } from '@nestjs/swagger';

const EXACT =
  'The exact sum in integer minor units, as a base-10 integer string; always present. Read this ' +
  'one: a sum over many orders has no upper bound.';
const SAFE =
  'The same sum as a JSON integer while it is a safe integer (|amount| ≤ 2^53 − 1), null past ' +
  'it, so a client never reads a rounded number.';

/** A sum over many orders on the wire (`ExactMoney` in money-sum.ts); see the README, "Money". */
export class ExactMoneyResponse {
  @ApiProperty({ type: 'integer', nullable: true, example: 129900, description: SAFE })
  amount!: number | null;

  @ApiProperty({ example: '129900', pattern: '^-?[0-9]+$', description: EXACT })
  amountExact!: string;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code' })
  currency!: string;
}

export const EXACT_AMOUNT_DESCRIPTION = EXACT;
export const SAFE_AMOUNT_DESCRIPTION = SAFE;
