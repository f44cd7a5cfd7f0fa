import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@crm/eventsourcing';
import type { CommandEndpointOptions, CommandResponse } from '@crm/platform';
import { ApiArea, CommandCtx } from '@crm/platform';
import { uuidPipe } from '@crm/security';
import type { PipelineRequest } from '../application/pipeline.requests';
import {
  CompleteTaskDto,
  LogActivityDto,
  ReassignTaskDto,
  RescheduleTaskDto,
  ScheduleTaskDto,
} from './activity.dto';
import { PipelineWrite, sendPipelineRequest } from './pipeline-commands';

const NEW_ACTIVITY: Partial<CommandEndpointOptions> = {
  creates: true,
  notFound: 'No such customer or opportunity',
  conflicts: 'The customer was forgotten or merged',
};

/** A write on an existing task: 404 unknown, 409 a logged activity or a completed task. */
const TaskAction = (summary: string) =>
  PipelineWrite(['service'], {
    summary,
    notFound: 'No such activity',
    conflicts: 'A logged activity (not a task) or a completed task, named in the message',
  });

/** `customerId` and `opportunityId` as the request takes them (absent: null), notes '' if none. */
const about = <B extends { customerId?: string; opportunityId?: string; notes?: string }>(
  body: B,
) => ({
  ...body,
  customerId: body.customerId ?? null,
  opportunityId: body.opportunityId ?? null,
  notes: body.notes ?? '',
});

@ApiArea('pipeline')
@Controller('activities')
export class ActivitiesController {
  constructor(private readonly commands: CommandBus) {}

  private send(request: PipelineRequest, context: CommandContext): Promise<CommandResponse> {
    return sendPipelineRequest(this.commands, request, context);
  }

  @Post()
  @PipelineWrite(['service'], {
    summary: 'Log a call, meeting or email against a customer or one of its opportunities',
    ...NEW_ACTIVITY,
  })
  log(
    @Body() body: LogActivityDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ type: 'LogActivity', ...about(body) }, context);
  }

  @Post('tasks')
  @PipelineWrite(['service'], {
    summary: 'Schedule a follow-up task with a due time and an assignee',
    ...NEW_ACTIVITY,
  })
  schedule(
    @Body() body: ScheduleTaskDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ type: 'ScheduleTask', ...about(body) }, context);
  }

  @Post(':id/reschedule')
  @TaskAction('Move an open task’s due time')
  reschedule(
    @Param('id', uuidPipe) id: string,
    @Body() body: RescheduleTaskDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ type: 'RescheduleTask', activityId: id, ...body }, context);
  }

  @Post(':id/reassign')
  @TaskAction('Give an open task to another assignee')
  reassign(
    @Param('id', uuidPipe) id: string,
    @Body() body: ReassignTaskDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ type: 'ReassignTask', activityId: id, ...body }, context);
  }

  @Post(':id/complete')
  @TaskAction('Complete an open task')
  complete(
    @Param('id', uuidPipe) id: string,
    @Body() body: CompleteTaskDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ type: 'CompleteTask', activityId: id, ...body }, context);
  }
}
