import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Readable } from 'node:stream';
import type { DocumentStore } from '@crm/documents';
import type { CommandContext, CommandRunner } from '@crm/eventsourcing';
import { DomainErrorException, deriveAggregateId } from '@crm/eventsourcing';
import type { ErrorDetail } from '@crm/platform';
import { toDetails } from '@crm/platform';
import type { PiiHasher } from '@crm/security/pii';
import { createCustomerCommand } from '../application/customer-command.handlers';
import { customerStreamId } from '../domain/customer';
import { customerDecider } from '../domain/customer.decider';
import { CUSTOMER_SCHEMA_VERSIONS } from '../domain/customer.upcasters';
import { CreateCustomerDto } from '../http/customer.dto';
import type { CustomerProfileDocument } from '../projections/customer-profile/customer-profile.document';
import { CUSTOMER_PROFILES } from '../projections/customer-profile/customer-profile.document';
import type { ImportFormat, ImportRow } from './import-rows';
import { readImportRows } from './import-rows';

export type RejectedRow = { line: number } & ErrorDetail;

export type ImportReport = {
  rows: number;
  imported: number;
  /** Rows a previous run of the same import already added: nothing new was appended. */
  alreadyImported: number;
  rejected: number;
  /** The first rejections, each naming the line, the field and the rule. */
  rejections: RejectedRow[];
};

export type ImportOptions = {
  format: ImportFormat;
  /** Commands in flight at once; the SQLite store commits concurrent appends together. */
  concurrency?: number;
  onProgress?: (report: ImportReport) => void;
};

const REPORTED_REJECTIONS = 1000;

/**
 * Bulk import of customers. Every row is validated like `POST /customers`; the command's
 * Idempotency-Key is derived from the row's email, so re-running the same file (after an
 * interruption, or twice) appends nothing for rows already in and resumes the rest: no row is
 * lost or doubled. An email already used by another live customer, or twice in the file, is a
 * rejected row, as over HTTP.
 */
export class CustomerImporter {
  constructor(
    private readonly runner: CommandRunner,
    private readonly documents: DocumentStore,
    private readonly hasher: PiiHasher,
  ) {}

  async import(
    input: Readable,
    actor: CommandContext['actor'],
    options: ImportOptions,
  ): Promise<ImportReport> {
    const report: ImportReport = {
      rows: 0,
      imported: 0,
      alreadyImported: 0,
      rejected: 0,
      rejections: [],
    };
    const taken = await this.liveEmails();
    const seenInFile = new Map<string, number>();
    const reject = (line: number, detail: ErrorDetail): void => {
      report.rejected += 1;
      if (report.rejections.length < REPORTED_REJECTIONS)
        report.rejections.push({ line, ...detail });
    };
    const inFlight = new Set<Promise<void>>();
    const concurrency = options.concurrency ?? 64;

    for await (const row of readImportRows(input, options.format)) {
      report.rows += 1;
      const work = this.importRow(row, actor, taken, seenInFile, reject, report);
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
      if (report.rows % 1000 === 0) options.onProgress?.({ ...report });
    }
    await Promise.all(inFlight);
    options.onProgress?.({ ...report });
    return report;
  }

  private async importRow(
    row: ImportRow,
    actor: CommandContext['actor'],
    taken: Map<string, string>,
    seenInFile: Map<string, number>,
    reject: (line: number, detail: ErrorDetail) => void,
    report: ImportReport,
  ): Promise<void> {
    if ('error' in row)
      return reject(row.line, { field: 'line', rule: 'isJson', message: row.error });
    const dto = plainToInstance(CreateCustomerDto, row.fields);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    const [first] = toDetails(errors);
    if (first) return reject(row.line, first);

    const emailHash = this.hasher.hash('email', dto.email);
    const earlierLine = seenInFile.get(emailHash);
    if (earlierLine !== undefined) {
      return reject(row.line, {
        field: 'email',
        rule: 'unique',
        message: `email already on line ${earlierLine}`,
      });
    }
    seenInFile.set(emailHash, row.line);
    const context: CommandContext = {
      actor,
      correlationId: `import:${emailHash}`,
      idempotencyKey: `import:${emailHash}`,
    };
    const customerId = deriveAggregateId(context, 'customer');
    const holder = taken.get(emailHash);
    if (holder !== undefined && holder !== customerId) {
      return reject(row.line, {
        field: 'email',
        rule: 'unique',
        message: `email already used by customer ${holder}`,
      });
    }
    try {
      const result = await this.runner.run(
        customerDecider,
        createCustomerCommand(dto, customerId, this.hasher),
        {
          streamId: customerStreamId(customerId),
          context,
          commandType: 'CreateCustomer',
          customerId,
          schemaVersions: CUSTOMER_SCHEMA_VERSIONS,
        },
      );
      if (result.appended > 0) report.imported += 1;
      else report.alreadyImported += 1;
    } catch (error) {
      if (error instanceof DomainErrorException && error.error.code === 'CUSTOMER_ALREADY_EXISTS') {
        report.alreadyImported += 1;
        return;
      }
      throw error;
    }
  }

  /** Email blind index → customer, for every live customer (one pass over the read model). */
  private async liveEmails(): Promise<Map<string, string>> {
    const taken = new Map<string, string>();
    let cursor: string | undefined;
    do {
      const page = await this.documents.find<CustomerProfileDocument>(
        CUSTOMER_PROFILES,
        { status: 'active' },
        { limit: 10_000, cursor },
      );
      for (const profile of page.items)
        if (profile.emailHash) taken.set(profile.emailHash, profile.customerId);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return taken;
  }
}
