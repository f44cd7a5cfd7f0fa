import { applyDecorators } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@crm/eventsourcing';
import type { CommandEndpointOptions, CommandResponse, Role } from '@crm/platform';
import { CommandEndpoint } from '@crm/platform';
import { Roles } from '@crm/security';
import type { PipelineRequest } from '../application/pipeline.requests';
import { PipelineRequestCommand } from '../application/pipeline.requests';

/** Every route of the context's controllers hands its request to the one handler. */
export const sendPipelineRequest = (
  commands: CommandBus,
  request: PipelineRequest,
  context: CommandContext,
): Promise<CommandResponse> => commands.execute(new PipelineRequestCommand(request, context));

/** A write by `roles` (admin always may): the OpenAPI side and the role in one decorator. */
export const PipelineWrite = (roles: Role[], options: CommandEndpointOptions) =>
  applyDecorators(Roles(...roles), CommandEndpoint(options));
