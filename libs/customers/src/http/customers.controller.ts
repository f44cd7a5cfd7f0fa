import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandContext } from '@crm/eventsourcing';
import {
  CommandCtx,
  CommandResponse,
  ErrorBody,
  FreshnessQueryDto,
  MinPosition,
  RequestValidationError,
} from '@crm/platform';
import { Roles, uuidPipe } from '@crm/security';
import {
  AddCustomerNoteCommand,
  ChangeCustomerTagsCommand,
  CreateCustomerCommand,
  ForgetCustomerCommand,
  MergeCustomerCommand,
  UnmergeCustomerCommand,
  UpdateCustomerContactCommand,
} from '../application/customer.commands';
import {
  FindDuplicatesQuery,
  GetCustomerProfileQuery,
  SearchCustomersQuery,
} from '../application/customer.queries';
import {
  AddNoteDto,
  CreateCustomerDto,
  DuplicatesQueryDto,
  MergeCustomerDto,
  SearchCustomersDto,
  TagsDto,
  UpdateCustomerContactDto,
} from './customer.dto';
import { TAG } from './customer.dto';

const IdempotencyKey = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Retrying with the same key appends nothing and answers as the first request did',
});

@ApiTags('customers')
@ApiBearerAuth()
@ApiResponse({
  status: 400,
  type: ErrorBody,
  description: 'Invalid input: names the field and rule',
})
@ApiResponse({ status: 401, type: ErrorBody })
@ApiResponse({ status: 403, type: ErrorBody })
@ApiResponse({
  status: 503,
  type: ErrorBody,
  description: 'A store is down or the read model is behind; see Retry-After',
})
@Controller('customers')
export class CustomersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('service')
  @IdempotencyKey
  @ApiOperation({ summary: 'Create a customer' })
  @ApiResponse({ status: 201, type: CommandResponse })
  @ApiResponse({
    status: 409,
    type: ErrorBody,
    description: 'Email already used by a live customer',
  })
  create(
    @Body() body: CreateCustomerDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new CreateCustomerCommand(body, context));
  }

  @Patch(':id')
  @Roles('service')
  @IdempotencyKey
  @ApiOperation({ summary: 'Change contact details (null clears phone or address)' })
  @ApiOkResponse({ type: CommandResponse })
  @ApiResponse({ status: 404, type: ErrorBody })
  @ApiResponse({ status: 409, type: ErrorBody })
  update(
    @Param('id', uuidPipe) id: string,
    @Body() body: UpdateCustomerContactDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new UpdateCustomerContactCommand(id, body, context));
  }

  @Post(':id/notes')
  @HttpCode(200)
  @Roles('service')
  @IdempotencyKey
  @ApiOperation({ summary: 'Add a free-text note' })
  @ApiOkResponse({ type: CommandResponse })
  @ApiResponse({ status: 404, type: ErrorBody })
  @ApiResponse({ status: 409, type: ErrorBody })
  addNote(
    @Param('id', uuidPipe) id: string,
    @Body() body: AddNoteDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new AddCustomerNoteCommand(id, body, context));
  }

  @Post(':id/tags')
  @HttpCode(200)
  @Roles('service')
  @IdempotencyKey
  @ApiOperation({ summary: 'Add tags (tags it already has are ignored)' })
  @ApiOkResponse({ type: CommandResponse })
  @ApiResponse({ status: 404, type: ErrorBody })
  @ApiResponse({ status: 409, type: ErrorBody })
  tag(
    @Param('id', uuidPipe) id: string,
    @Body() body: TagsDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ChangeCustomerTagsCommand(id, 'add', body, context));
  }

  @Delete(':id/tags/:tag')
  @Roles('service')
  @IdempotencyKey
  @ApiOperation({ summary: 'Remove a tag' })
  @ApiParam({ name: 'tag', example: 'vip' })
  @ApiOkResponse({ type: CommandResponse })
  @ApiResponse({ status: 404, type: ErrorBody })
  untag(
    @Param('id', uuidPipe) id: string,
    @Param() params: { tag: string },
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    if (!TAG.test(params.tag)) {
      throw new RequestValidationError([
        { field: 'tag', rule: 'matches', message: 'tag must match ^[a-z0-9][a-z0-9_:-]{0,39}$' },
      ]);
    }
    const tags = [params.tag];
    return this.commands.execute(new ChangeCustomerTagsCommand(id, 'remove', { tags }, context));
  }

  @Get('duplicates')
  @Roles('service', 'analyst')
  @ApiOperation({
    summary: 'Likely duplicate customers, best first',
    description:
      'Same email 1.0, same phone 0.9, similar name (shared name words, Jaccard ≥ 0.5) 0.5 + 0.4·J; reasons combine as 1 − Π(1 − s). Pairs scoring 0.6 or more.',
  })
  duplicates(
    @Query() query: DuplicatesQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<unknown> {
    return this.queries.execute(new FindDuplicatesQuery(query.limit ?? 100, minPosition));
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles('service')
  @IdempotencyKey
  @ApiOperation({
    summary: 'Merge this customer into a survivor (dryRun shows the result and writes nothing)',
    description:
      "The merged customer's tickets, orders and value count as the survivor's in every read; unmerge undoes it exactly.",
  })
  @ApiOkResponse({ type: CommandResponse })
  @ApiResponse({ status: 404, type: ErrorBody })
  @ApiResponse({ status: 409, type: ErrorBody })
  merge(
    @Param('id', uuidPipe) id: string,
    @Body() body: MergeCustomerDto,
    @CommandCtx() context: CommandContext,
  ): Promise<unknown> {
    return this.commands.execute(
      new MergeCustomerCommand(id, body.survivorId, body.dryRun ?? false, context),
    );
  }

  @Post(':id/unmerge')
  @HttpCode(200)
  @Roles('service')
  @IdempotencyKey
  @ApiOperation({ summary: 'Undo a merge: the customer and its figures are its own again' })
  @ApiOkResponse({ type: CommandResponse })
  @ApiResponse({ status: 409, type: ErrorBody, description: 'The customer is not merged' })
  unmerge(
    @Param('id', uuidPipe) id: string,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new UnmergeCustomerCommand(id, context));
  }

  @Post(':id/forget')
  @HttpCode(200)
  @Roles()
  @IdempotencyKey
  @ApiTags('admin')
  @ApiOperation({
    summary: 'Forget a customer: destroy their data key (crypto-shredding) and record it',
    description:
      'Afterwards every read model, history, state-at and restored backup shows their personal data as [erased]; non-personal facts stay. Admin only.',
  })
  @ApiOkResponse({ type: CommandResponse })
  @ApiResponse({ status: 404, type: ErrorBody })
  forget(
    @Param('id', uuidPipe) id: string,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ForgetCustomerCommand(id, context));
  }

  @Get(':id')
  @Roles('service', 'analyst')
  @ApiOperation({ summary: 'Customer profile (personal data masked for analysts)' })
  @ApiQuery({
    name: 'minPosition',
    required: false,
    description: 'Wait until the read model has applied this position',
  })
  @ApiResponse({ status: 200, description: 'The profile with service, orders and rfm sections' })
  @ApiResponse({ status: 404, type: ErrorBody })
  get(
    @Param('id', uuidPipe) id: string,
    @Query() _query: FreshnessQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<unknown> {
    return this.queries.execute(new GetCustomerProfileQuery(id, minPosition));
  }

  @Get()
  @Roles('service', 'analyst')
  @ApiOperation({
    summary: 'Search customers by text, tag, status or RFM segment (newest first, paged)',
  })
  search(
    @Query() query: SearchCustomersDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<unknown> {
    return this.queries.execute(new SearchCustomersQuery(query, minPosition));
  }
}
