import { ApiProperty } from '@nestjs/swagger';
import type { CommandResult } from '@crm/eventsourcing';

/** What every write answers: the aggregate, the revision it reached and the log position. */
export class CommandResponse {
  @ApiProperty({ example: '3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b' }) id!: string;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 3,
    description: 'Revision of the stream after this command',
  })
  streamRevision!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 1042,
    description: 'Global log position to pass as minPosition to read your own write',
  })
  position!: number;
}

export const toCommandResponse = (id: string, result: CommandResult): CommandResponse => ({
  id,
  streamRevision: result.nextExpectedRevision,
  position: result.position,
});
