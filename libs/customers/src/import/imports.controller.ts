import {
  Controller,
  HttpCode,
  Inject,
  Optional,
  Post,
  Query,
  Req,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import type { CommandContext } from '@crm/eventsourcing';
import { CommandRunner } from '@crm/eventsourcing';
import { CommandCtx, ErrorBody } from '@crm/platform';
import { Roles } from '@crm/security';
import { PiiHasher } from '@crm/security/pii';
import type { ImportReport } from './customer-importer';
import { CustomerImporter } from './customer-importer';
import type { ImportRowExtension } from './import-row-extension';
import { IMPORT_ROW_EXTENSIONS } from './import-row-extension';
import { ImportReportResponse, RelatedCountsResponse } from './import.responses';
import { DEFAULT_IMPORT_MAX_LINE_BYTES } from './import-rows';

/** Limits of an import over HTTP (the app provides them from its configuration). */
export type ImportLimits = { maxLineBytes: number };
export const IMPORT_LIMITS = Symbol('IMPORT_LIMITS');

/** The media types a streamed import accepts; anything else is 415. */
export const IMPORT_MEDIA_TYPES = { 'text/csv': 'csv', 'application/x-ndjson': 'jsonl' } as const;

export class ImportQueryDto {
  @ApiProperty({ required: false, enum: ['customers'], default: 'customers' })
  @IsOptional()
  @IsIn(['customers'])
  kind?: 'customers';
}

@ApiTags('customers')
@ApiBearerAuth()
@ApiResponse({
  status: 413,
  type: ErrorBody,
  description: 'A CSV record is longer than IMPORT_MAX_LINE_BYTES',
})
@ApiResponse({
  status: 415,
  type: ErrorBody,
  description: 'Body is neither text/csv nor application/x-ndjson',
})
@ApiExtraModels(RelatedCountsResponse)
@Controller('imports')
export class ImportsController {
  private readonly importer: CustomerImporter;
  private readonly maxLineBytes: number;

  constructor(
    runner: CommandRunner,
    @Inject(DOCUMENT_STORE) documents: DocumentStore,
    hasher: PiiHasher,
    @Optional() @Inject(IMPORT_ROW_EXTENSIONS) extensions: ImportRowExtension[] | null,
    @Optional() @Inject(IMPORT_LIMITS) limits: ImportLimits | null,
  ) {
    this.importer = new CustomerImporter(runner, documents, hasher, extensions ?? []);
    this.maxLineBytes = limits?.maxLineBytes ?? DEFAULT_IMPORT_MAX_LINE_BYTES;
  }

  @Post()
  @HttpCode(200)
  @Roles('service')
  @ApiConsumes('text/csv', 'application/x-ndjson')
  @ApiOperation({
    summary: 'Import customers from a streamed CSV or JSON-lines body',
    description:
      "CSV columns: name,email,phone,street,city,postalCode,country,tags (tags ;-separated). A JSON line may also carry the customer's `orders` (history: ref, currency, lines, placedAt, status). Each row is validated like POST /customers; re-sending the same file adds nothing. The report names each rejected line, field and rule.",
  })
  @ApiBody({
    description: 'The file, streamed: CSV with a header row, or one JSON object a line',
    schema: { type: 'string' },
  })
  @ApiOkResponse({ type: ImportReportResponse, description: 'The import report' })
  run(
    @Req() request: FastifyRequest,
    @Query() _query: ImportQueryDto,
    @CommandCtx() context: CommandContext,
  ): Promise<ImportReport> {
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    const format = IMPORT_MEDIA_TYPES[mediaType as keyof typeof IMPORT_MEDIA_TYPES];
    if (!format || !request.body) {
      throw new UnsupportedMediaTypeException('send the file as text/csv or application/x-ndjson');
    }
    return this.importer.import(request.body as Readable, context.actor, {
      format,
      maxLineBytes: this.maxLineBytes,
    });
  }
}
