import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

/** OpenAPI shapes of what the customer queries answer (personal data masked for analysts). */
export class AddressResponse {
  @ApiProperty() street!: string;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Unknown for a v1 (one-line) address',
  })
  city!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) postalCode!: string | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'ISO 3166-1 alpha-2 (masked for analysts); unknown for a v1 address',
  })
  country!: string | null;
}

export class NoteResponse {
  @ApiProperty({ format: 'uuid' }) noteId!: string;
  @ApiProperty({ description: 'Personal data: masked for analysts, [erased] once forgotten' })
  text!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

const section = (description: string) =>
  ApiProperty({ type: 'object', additionalProperties: true, description });

export class CustomerProfileResponse {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ enum: ['active', 'forgotten', 'merged'] }) status!: string;
  @ApiProperty({ description: 'Personal data: masked for analysts, [erased] once forgotten' })
  name!: string;
  @ApiProperty({ description: 'Personal data: masked for analysts, [erased] once forgotten' })
  email!: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'E.164; masked for analysts' })
  phone!: string | null;
  @ApiProperty({
    nullable: true,
    oneOf: [
      { $ref: getSchemaPath(AddressResponse) },
      { type: 'string', description: '[erased] once the customer is forgotten' },
    ],
  })
  address!: AddressResponse | string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: [NoteResponse], description: 'The latest 50 notes' }) notes!: NoteResponse[];
  @ApiProperty({ type: 'integer', minimum: 0 }) noteCount!: number;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) mergedInto!: string | null;
  @ApiProperty({ type: [String], description: 'Customers merged into this one' })
  mergedFrom!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @section('Service desk: serviceCount, openTicketCount, satisfaction { average, n }')
  service!: Record<string, unknown>;
  @section('Sales: orderCount, value and averageOrderValue per currency, first and last order')
  orders!: Record<string, unknown>;
  @section('RFM: segment, r, f, m (null without live orders)')
  rfm!: Record<string, unknown>;
  @section(
    'Predicted value (BG/NBD, Gamma-Gamma; today’s model): horizonDays, pAlive, expectedPurchases, ' +
      'expectedAverageValue and predictedValue per currency (null and empty without purchases)',
  )
  predicted!: Record<string, unknown>;
}

export class CustomerPageResponse {
  @ApiProperty({ type: [CustomerProfileResponse] }) items!: CustomerProfileResponse[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as cursor for the next page; null on the last',
  })
  nextCursor!: string | null;
}

export class DuplicatePairResponse {
  @ApiProperty({ type: [String], minItems: 2, maxItems: 2 }) customerIds!: string[];
  @ApiProperty({ minimum: 0, maximum: 1 }) score!: number;
  @ApiProperty({ enum: ['email', 'phone', 'name'], isArray: true }) reasons!: string[];
  @ApiProperty({ type: [String], minItems: 2, maxItems: 2, description: 'Masked for analysts' })
  names!: string[];
}

export class DuplicatesResponse {
  @ApiProperty({ type: [DuplicatePairResponse] }) pairs!: DuplicatePairResponse[];
}

export class MergePreviewResponse {
  @ApiProperty({ enum: [true] }) dryRun!: true;
  @ApiProperty({ type: CustomerProfileResponse, description: 'The survivor as it would read' })
  survivor!: CustomerProfileResponse;
}
