import { ApiProperty } from '@nestjs/swagger';

const count = { type: 'integer', minimum: 0 } as const;

export class RejectedRowResponse {
  @ApiProperty({ type: 'integer', minimum: 1 }) line!: number;
  @ApiProperty({ example: 'email' }) field!: string;
  @ApiProperty({ example: 'isEmail' }) rule!: string;
  @ApiProperty() message!: string;
}

export class RelatedCountsResponse {
  @ApiProperty(count) imported!: number;
  @ApiProperty(count) alreadyImported!: number;
  @ApiProperty(count) rejected!: number;
}

export class ImportReportResponse {
  @ApiProperty(count) rows!: number;
  @ApiProperty(count) imported!: number;
  @ApiProperty({ ...count, description: 'Rows a previous run already added' })
  alreadyImported!: number;
  @ApiProperty(count) rejected!: number;
  @ApiProperty({ type: [RejectedRowResponse], description: 'The first rejections' })
  rejections!: RejectedRowResponse[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/RelatedCountsResponse' },
    description: 'What each row extension (e.g. orders) did',
  })
  related!: Record<string, RelatedCountsResponse>;
}
