import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { CommandContext } from '@crm/eventsourcing';
import {
  ApiArea,
  CommandCtx,
  CommandEndpoint,
  CommandResponse,
  FreshnessQueryDto,
  ListEndpoint,
  MinPosition,
  ReadEndpoint,
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
import {
  AddressResponse,
  CustomerPageResponse,
  CustomerProfileResponse,
  DuplicatesResponse,
  MergePreviewResponse,
} from './customer.responses';

const NO_CUSTOMER = 'No such customer';
const NOT_LIVE = 'The customer was forgotten or merged';

@ApiArea('customers')
@ApiExtraModels(AddressResponse, CommandResponse, MergePreviewResponse)
@Controller('customers')
export class CustomersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('service')
  @CommandEndpoint({
    summary: 'Create a customer',
    creates: true,
    conflicts: 'Email already used by a live customer',
  })
  create(
    @Body() body: CreateCustomerDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new CreateCustomerCommand(body, context));
  }

  @Patch(':id')
  @Roles('service')
  @CommandEndpoint({
    summary: 'Change contact details (null clears phone or address)',
    notFound: NO_CUSTOMER,
    conflicts: `${NOT_LIVE}, or the email is used by another live customer`,
  })
  update(
    @Param('id', uuidPipe) id: string,
    @Body() body: UpdateCustomerContactDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new UpdateCustomerContactCommand(id, body, context));
  }

  @Post(':id/notes')
  @Roles('service')
  @CommandEndpoint({ summary: 'Add a free-text note', notFound: NO_CUSTOMER, conflicts: NOT_LIVE })
  addNote(
    @Param('id', uuidPipe) id: string,
    @Body() body: AddNoteDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new AddCustomerNoteCommand(id, body, context));
  }

  @Post(':id/tags')
  @Roles('service')
  @CommandEndpoint({
    summary: 'Add tags (tags it already has are ignored)',
    notFound: NO_CUSTOMER,
    conflicts: NOT_LIVE,
  })
  tag(
    @Param('id', uuidPipe) id: string,
    @Body() body: TagsDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ChangeCustomerTagsCommand(id, 'add', body, context));
  }

  @Delete(':id/tags/:tag')
  @Roles('service')
  @CommandEndpoint({ summary: 'Remove a tag', notFound: NO_CUSTOMER, conflicts: NOT_LIVE })
  @ApiParam({ name: 'tag', schema: { type: 'string', pattern: TAG.source, example: 'vip' } })
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
  @ApiOkResponse({ type: DuplicatesResponse })
  duplicates(
    @Query() query: DuplicatesQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<unknown> {
    return this.queries.execute(new FindDuplicatesQuery(query.limit ?? 100, minPosition));
  }

  @Post(':id/merge')
  @Roles('service')
  @CommandEndpoint({
    summary: 'Merge this customer into a survivor (dryRun shows the result and writes nothing)',
    description:
      "The merged customer's tickets, orders and value count as the survivor's in every read; unmerge undoes it exactly. With dryRun the answer is { dryRun: true, survivor }.",
    answers: {
      schema: {
        oneOf: [
          { $ref: getSchemaPath(CommandResponse) },
          { $ref: getSchemaPath(MergePreviewResponse) },
        ],
      },
    },
    notFound: 'No such customer or survivor',
    conflicts: 'Either customer is forgotten or merged, or they are the same',
  })
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
  @Roles('service')
  @CommandEndpoint({
    summary: 'Undo a merge: the customer and its figures are its own again',
    notFound: NO_CUSTOMER,
    conflicts: 'The customer is not merged',
    emptyBody: true,
  })
  unmerge(
    @Param('id', uuidPipe) id: string,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new UnmergeCustomerCommand(id, context));
  }

  @Post(':id/forget')
  @Roles()
  @ApiTags('admin')
  @CommandEndpoint({
    summary: 'Forget a customer: destroy their data key (crypto-shredding) and record it',
    description:
      'Afterwards every read model, history, state-at and restored backup shows their personal data as [erased]; non-personal facts stay. Admin only.',
    notFound: NO_CUSTOMER,
    emptyBody: true,
  })
  forget(
    @Param('id', uuidPipe) id: string,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ForgetCustomerCommand(id, context));
  }

  @Get(':id')
  @Roles('service', 'analyst')
  @ReadEndpoint({
    summary: 'Customer profile with service, orders and rfm sections (PII masked for analysts)',
    type: CustomerProfileResponse,
    notFound: NO_CUSTOMER,
  })
  get(
    @Param('id', uuidPipe) id: string,
    @Query() _query: FreshnessQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<unknown> {
    return this.queries.execute(new GetCustomerProfileQuery(id, minPosition));
  }

  @Get()
  @Roles('service', 'analyst')
  @ListEndpoint({
    summary: 'Search customers by text, tag, status or RFM segment (newest first, paged)',
    type: CustomerPageResponse,
  })
  search(
    @Query() query: SearchCustomersDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<unknown> {
    return this.queries.execute(new SearchCustomersQuery(query, minPosition));
  }
}
