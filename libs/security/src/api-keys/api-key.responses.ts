import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@crm/platform';

export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'billing service' }) name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) revokedAt!: string | null;
}

export class CreatedApiKeyResponse {
  @ApiProperty({ type: ApiKeyResponse }) key!: ApiKeyResponse;
  @ApiProperty({ description: 'The bearer token; shown only in this response' }) token!: string;
}
