import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { Page } from '@crm/documents';
import {
  ApiArea,
  ErrorBody,
  ListEndpoint,
  ReadEndpoint,
  RequestValidationError,
} from '@crm/platform';
import { Roles, uuidPipe } from '@crm/security';
import { WebhookAdmin } from '../admin/webhook-admin';
import type {
  DeliveryView,
  RegisteredWebhook,
  ReplayView,
  WebhookDetails,
  WebhookView,
} from '../admin/webhook.views';
import { RegisterWebhookDto, ReplayWebhookDto, WebhookPageQueryDto } from './webhook.dto';
import {
  DeliveryPageResponse,
  DeliveryResponse,
  RegisteredWebhookResponse,
  ReplayResponse,
  WebhookDetailsResponse,
  WebhookPageResponse,
} from './webhook.responses';

const deliveryIdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new RequestValidationError([
      { field: 'deliveryId', rule: 'isUuid', message: 'deliveryId must be a UUID (an event id)' },
    ]),
});

const NO_SUCH_WEBHOOK = 'No such webhook';
const NoSuchWebhook = ApiResponse({ status: 404, type: ErrorBody, description: NO_SUCH_WEBHOOK });

// 400, 401, 403, 503 and the rest every route shares come from finishOpenApiDocument.
@ApiArea('admin')
@Controller('admin/webhooks')
@Roles()
export class WebhooksController {
  constructor(private readonly webhooks: WebhookAdmin) {}

  @Post()
  @ApiOperation({
    summary: 'Register an endpoint; events appended from now on are POSTed to it, signed',
    description:
      'Headers: Webhook-Id (event id, for dedup), Webhook-Timestamp (unix seconds), Webhook-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>. At least once, in order per stream.',
  })
  @ApiResponse({ status: 201, type: RegisteredWebhookResponse })
  register(@Body() body: RegisterWebhookDto): Promise<RegisteredWebhook> {
    return this.webhooks.register(body);
  }

  @Get()
  @ListEndpoint({
    summary: 'Registered endpoints (never their secrets)',
    type: WebhookPageResponse,
  })
  list(@Query() query: WebhookPageQueryDto): Promise<Page<WebhookView>> {
    return this.webhooks.list(query);
  }

  @Get(':id')
  @ReadEndpoint({
    summary: 'An endpoint with its cursor, lag, counts and last error',
    type: WebhookDetailsResponse,
    notFound: NO_SUCH_WEBHOOK,
  })
  details(@Param('id', uuidPipe) id: string): Promise<WebhookDetails> {
    return this.webhooks.details(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint, its queue and its dead letters' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @NoSuchWebhook
  remove(@Param('id', uuidPipe) id: string): Promise<void> {
    return this.webhooks.remove(id);
  }

  @Get(':id/dead-letters')
  @ReadEndpoint({
    summary: 'Events given up on after the last attempt, oldest first',
    type: DeliveryPageResponse,
    notFound: NO_SUCH_WEBHOOK,
  })
  deadLetters(
    @Param('id', uuidPipe) id: string,
    @Query() query: WebhookPageQueryDto,
  ): Promise<Page<DeliveryView>> {
    return this.webhooks.deadLetters(id, query);
  }

  @Post(':id/dead-letters/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a dead letter again, with fresh attempts' })
  @ApiResponse({ status: 202, type: DeliveryResponse })
  @ApiResponse({ status: 404, type: ErrorBody, description: 'No such webhook or dead letter' })
  redeliver(
    @Param('id', uuidPipe) id: string,
    @Param('deliveryId', deliveryIdPipe) deliveryId: string,
  ): Promise<DeliveryView> {
    return this.webhooks.redeliver(id, deliveryId);
  }

  @Post(':id/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send again every matching event at or after a log position' })
  @ApiResponse({ status: 202, type: ReplayResponse })
  @NoSuchWebhook
  @ApiResponse({ status: 409, type: ErrorBody, description: 'fromPosition is ahead of the cursor' })
  replay(@Param('id', uuidPipe) id: string, @Body() body: ReplayWebhookDto): Promise<ReplayView> {
    return this.webhooks.replay(id, body.fromPosition);
  }
}
