import { ApiProperty } from '@nestjs/swagger';
import { CommandResponse } from '@crm/platform';

export class WinOpportunityResponse extends CommandResponse {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The order the win placed (GET /orders/{orderId}); null when it placed none',
  })
  orderId!: string | null;
}
