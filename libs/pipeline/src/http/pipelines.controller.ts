import { Body, Controller, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import { ApiArea, CommandCtx } from '@crm/platform';
import { uuidPipe } from '@crm/security';
import { PipelineDefinitionDto } from './pipeline.dto';
import { PipelineWrite, sendPipelineRequest } from './pipeline-commands';

const INVALID =
  'Duplicate stage ids, not exactly one won and one lost stage, or no open stage (named in the message)';

/** Pipelines are configuration: admins define and change them; every change is an event. */
@ApiArea('pipeline')
@Controller('pipelines')
export class PipelinesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @PipelineWrite([], {
    summary: 'Define a pipeline: its stages in order, probability per stage, won and lost stages',
    description: INVALID,
    creates: true,
  })
  define(
    @Body() body: PipelineDefinitionDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return sendPipelineRequest(this.commands, { type: 'DefinePipeline', ...body }, context);
  }

  @Put(':id')
  @PipelineWrite([], {
    summary:
      'Put a new definition in force (a new version; a definition that changes nothing records nothing)',
    description: `Opportunities already in a stage keep it; later moves are checked against the new definition. ${INVALID}`,
    notFound: 'No such pipeline',
  })
  change(
    @Param('id', uuidPipe) id: string,
    @Body() body: PipelineDefinitionDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    const request = { type: 'ChangePipeline' as const, pipelineId: id, ...body };
    return sendPipelineRequest(this.commands, request, context);
  }
}
