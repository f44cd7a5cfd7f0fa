import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Readable } from 'node:stream';
import type { DocumentStore } from '@crm/documents';
import type { CommandContext, CommandRunner } from '@crm/eventsourcing';
import { DomainErrorException, deriveAggregateId } from '@crm/eventsourcing';
import type { ErrorDetail } from '@crm/platform';
import { toDetails } from '@crm/platform';
import type { PiiHasher } from '@crm/security/pii';
import { createCustomerCommand } from '../application/customer-command.handlers';
import { customerStreamId } from '../domain/customer';
import type { CreateCustomer } from '../domain/customer.decider';
import { customerDecider } from '../domain/customer.decider';
import { CUSTOMER_SCHEMA_VERSIONS } from '../domain/customer.upcasters';
import { CreateCustomerDto } from '../http/customer.dto';
import type { CustomerProfileDocument } from '../projections/customer-profile/customer-profile.document';
import { CUSTOMER_PROFILES } from '../projections/customer-profile/customer-profile.document';
import type { ImportRowExtension } from './import-row-extension';
import type { ImportFormat, ImportRow } from './import-rows';
import { readImportRows } from './import-rows';

type ImportRun = {
  actor: CommandContext['actor'];
  report: ImportReport;
  /** Email blind index → live customer holding it. */
  taken: Map<string, string>;
  /** Email blind index → first line that has it. */
  seenInFile: Map<string, number>;
};

/** The row's command context: its Idempotency-Key is derived from the email's blind index. */
const importContext = (actor: CommandContext['actor'], emailHash: string): CommandContext => ({
  actor,
  correlationId: `import:${emailHash}`,
  idempotencyKey: `import:${emailHash}`,
});

export type RejectedRow = { line: number } & ErrorDetail;

export type ImportReport = {
  rows: number;
  imported: number;
  /** Rows a previous run of the same import already added: nothing new was appended. */
  alreadyImported: number;
  rejected: number;
  /** The first rejections, each naming the line, the field and the rule. */
  rejections: RejectedRow[];
  /** What each row extension (e.g. `orders`) did, by field. */
  related: Record<string, RelatedCounts>;
};

export type RelatedCounts = { imported: number; alreadyImported: number; rejected: number };

export type ImportOptions = {
  format: ImportFormat;
  /**
   * Rows validated and then run together: their data keys are looked up in one read and their
   * appends share one transaction (the SQLite store's group commit).
   */
  chunkSize?: number;
  onProgress?: (report: ImportReport) => void;
};

const REPORTED_REJECTIONS = 1000;
const CHUNK_SIZE = 500;

/** A row that passed validation and the uniqueness checks, ready to run. */
type Accepted = {
  line: number;
  command: CreateCustomer;
  context: CommandContext;
  extras: Extra[];
};

/** A row's validated value for an extension. */
type Extra = { extension: ImportRowExtension; value: unknown };

type Validated = { dto: CreateCustomerDto; extras: Extra[] };

/**
 * Bulk import of customers. Every row is validated like `POST /customers`; the command's
 * Idempotency-Key is derived from the row's email, so re-running the same file (after an
 * interruption, or twice) appends nothing for rows already in and resumes the rest: no row is
 * lost or doubled. An email already used by another live customer, or twice in the file, is a
 * rejected row, as over HTTP (the earlier line keeps it). Rows go in chunks: each row is still
 * its own command with its own checks, but a chunk's commands run at once.
 */
export class CustomerImporter {
  constructor(
    private readonly runner: CommandRunner,
    private readonly documents: DocumentStore,
    private readonly hasher: PiiHasher,
    private readonly extensions: readonly ImportRowExtension[] = [],
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
      related: Object.fromEntries(
        this.extensions.map(({ field }) => [
          field,
          { imported: 0, alreadyImported: 0, rejected: 0 },
        ]),
      ),
    };
    const run: ImportRun = {
      actor,
      report,
      taken: await this.liveEmails(),
      seenInFile: new Map<string, number>(),
    };
    const chunkSize = Math.max(1, options.chunkSize ?? CHUNK_SIZE);
    let chunk: ImportRow[] = [];
    for await (const row of readImportRows(input, options.format)) {
      report.rows += 1;
      chunk.push(row);
      if (chunk.length >= chunkSize) {
        await this.importChunk(chunk, run);
        chunk = [];
        options.onProgress?.({ ...report });
      }
    }
    await this.importChunk(chunk, run);
    options.onProgress?.({ ...report });
    return report;
  }

  private async importChunk(rows: readonly ImportRow[], run: ImportRun): Promise<void> {
    const checked = rows.map((row) => this.validated(row));
    const accepted: Accepted[] = [];
    // In line order, so the earlier of two rows with the same email is the one imported.
    for (const [index, outcome] of checked.entries()) {
      const line = rows[index]?.line ?? 0;
      if ('rule' in outcome) this.reject(run.report, line, outcome);
      else {
        const { dto, extras } = outcome;
        const emailHash = this.hasher.hash('email', dto.email);
        const context = importContext(run.actor, emailHash);
        const customerId = deriveAggregateId(context, 'customer');
        const refusal = this.uniqueness(emailHash, customerId, line, run);
        if (refusal) this.reject(run.report, line, refusal);
        else
          accepted.push({
            line,
            command: createCustomerCommand(dto, customerId, this.hasher),
            context,
            extras,
          });
      }
    }
    await Promise.all(
      accepted.map(async (row) => {
        if (await this.create(row, run.report)) await this.applyExtras(row, run.report);
      }),
    );
  }

  /** The row as a valid request and its extensions' values, or the first rule it breaks. */
  private validated(row: ImportRow): Validated | ErrorDetail {
    if ('error' in row) return { field: 'line', rule: 'isJson', message: row.error };
    const fields = { ...row.fields };
    const extras: Extra[] = [];
    for (const extension of this.extensions) {
      if (!(extension.field in fields)) continue;
      const checked = extension.validate(fields[extension.field]);
      if ('rule' in checked) return checked;
      extras.push({ extension, value: checked.value });
      delete fields[extension.field];
    }
    const dto = plainToInstance(CreateCustomerDto, fields);
    // The request DTO has no async validators: the synchronous run gives the same errors
    // without a promise per property and constraint.
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    return toDetails(errors)[0] ?? { dto, extras };
  }

  /** Runs the row's extensions for its customer, under the row's own idempotency key. */
  private async applyExtras(row: Accepted, report: ImportReport): Promise<void> {
    for (const { extension, value } of row.extras) {
      const result = await extension.apply(row.command.customerId, value, {
        actor: row.context.actor,
        keyPrefix: row.context.idempotencyKey ?? row.context.correlationId,
      });
      const counts = report.related[extension.field];
      if (counts) {
        counts.imported += result.imported;
        counts.alreadyImported += result.alreadyImported;
        counts.rejected += result.rejections.length;
      }
      for (const rejection of result.rejections) {
        if (report.rejections.length < REPORTED_REJECTIONS)
          report.rejections.push({ line: row.line, ...rejection });
      }
    }
  }

  private uniqueness(
    emailHash: string,
    customerId: string,
    line: number,
    run: ImportRun,
  ): ErrorDetail | null {
    const earlierLine = run.seenInFile.get(emailHash);
    if (earlierLine !== undefined) {
      return { field: 'email', rule: 'unique', message: `email already on line ${earlierLine}` };
    }
    run.seenInFile.set(emailHash, line);
    const holder = run.taken.get(emailHash);
    if (holder !== undefined && holder !== customerId) {
      return {
        field: 'email',
        rule: 'unique',
        message: `email already used by customer ${holder}`,
      };
    }
    return null;
  }

  private reject(report: ImportReport, line: number, detail: ErrorDetail): void {
    report.rejected += 1;
    if (report.rejections.length < REPORTED_REJECTIONS) report.rejections.push({ line, ...detail });
  }

  /** True when the customer exists now (created by this run or an earlier one). */
  private async create({ command, context }: Accepted, report: ImportReport): Promise<boolean> {
    try {
      const result = await this.runner.run(customerDecider, command, {
        streamId: customerStreamId(command.customerId),
        context,
        commandType: 'CreateCustomer',
        customerId: command.customerId,
        schemaVersions: CUSTOMER_SCHEMA_VERSIONS,
      });
      if (result.appended > 0) report.imported += 1;
      else report.alreadyImported += 1;
      return true;
    } catch (error) {
      if (error instanceof DomainErrorException && error.error.code === 'CUSTOMER_ALREADY_EXISTS') {
        report.alreadyImported += 1;
        return true;
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
