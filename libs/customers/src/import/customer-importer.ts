import type { Readable } from 'node:stream';
import type { DocumentStore } from '@crm/documents';
import { pagesOf } from '@crm/documents';
import type { CommandContext, CommandRunner } from '@crm/eventsourcing';
import { DomainErrorException } from '@crm/eventsourcing';
import type { ErrorDetail } from '@crm/platform';
import type { PiiHasher } from '@crm/security/pii';
import { customerStreamId } from '../domain/customer';
import type { CreateCustomer } from '../domain/customer.decider';
import { customerDecider } from '../domain/customer.decider';
import { CUSTOMER_SCHEMA_VERSIONS } from '../domain/customer.upcasters';
import type { CustomerProfileDocument } from '../projections/customer-profile/customer-profile.document';
import { CUSTOMER_PROFILES } from '../projections/customer-profile/customer-profile.document';
import type { CustomerRowCheck, CustomerRowChecker } from './customer-row-check';
import { InProcessRowChecker, importContext, isRejection } from './customer-row-check';
import type { ImportRowExtension } from './import-row-extension';
import type { ImportFormat, ImportRow } from './import-rows';
import { readImportRows } from './import-rows';

export type { CustomerRowCheck, CustomerRowChecker } from './customer-row-check';
export { InProcessRowChecker } from './customer-row-check';
export { WorkerRowChecker } from './worker-row-checker';

type ImportRun = {
  actor: CommandContext['actor'];
  report: ImportReport;
  /** Email blind index → live customer holding it. */
  taken: Map<string, string>;
  /** Email blind index → first line that has it. */
  seenInFile: Map<string, number>;
};

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
  /** Longest line (record) read; a longer JSON line is a rejected row (default 1 MiB). */
  maxLineBytes?: number;
  /**
   * Rows validated and then run together: their data keys are looked up in one read and their
   * appends share one transaction (the SQLite store's group commit).
   */
  chunkSize?: number;
  onProgress?: (report: ImportReport) => void;
  /**
   * Where rows are validated and turned into commands (default: this thread). A worker-thread
   * checker validates the next chunk while this one is appended.
   */
  checker?: CustomerRowChecker;
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

/** A chunk's rows: each one's extension values, or the first rule it breaks before any check. */
type Prepared = { rows: readonly ImportRow[]; outcomes: (ErrorDetail | Extra[])[] };

/**
 * Bulk import of customers. Every row is validated like `POST /customers`; the command's
 * Idempotency-Key is derived from the row's email, so re-running the same file (after an
 * interruption, or twice) appends nothing for rows already in and resumes the rest: no row is
 * lost or doubled. An email already used by another live customer, or twice in the file, is a
 * rejected row, as over HTTP (the earlier line keeps it). Rows go in chunks: each row is still
 * its own command with its own checks, but a chunk's commands run at once. Chunks run one at a
 * time in file order; while one runs, the next is read and checked (validation, blind indexes,
 * ids: on a worker thread when the caller passes a `WorkerRowChecker`). An interrupted import
 * has appended nothing past the chunk it was running; a re-run skips what is in and resumes.
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
    const checker = options.checker ?? new InProcessRowChecker(this.hasher);
    // Chunks are run one after another, in file order; the next chunk's rows are read and
    // checked meanwhile (on another thread when the checker has one).
    let running: Promise<void> = Promise.resolve();
    let rowsDone = 0;
    const submit = async (rows: ImportRow[]): Promise<void> => {
      const prepared = this.prepare(rows);
      const checks = checker.check(this.customerFields(prepared), actor);
      checks.catch(() => undefined); // awaited below, after the running chunk
      await running;
      running = checks.then(async (checked) => {
        await this.importChunk(prepared, checked, run);
        rowsDone += rows.length;
        options.onProgress?.({ ...report, rows: rowsDone });
      });
      running.catch(() => undefined); // awaited by the next submit or at the end
    };
    try {
      let chunk: ImportRow[] = [];
      for await (const row of readImportRows(input, options.format, options.maxLineBytes)) {
        report.rows += 1;
        chunk.push(row);
        if (chunk.length >= chunkSize) {
          await submit(chunk);
          chunk = [];
        }
      }
      await submit(chunk);
    } finally {
      // Nothing keeps running after the import answers, even when reading the input failed.
      await running.catch(() => undefined);
      // What was not read is discarded, so the connection can carry the answer and the next request.
      if (!input.readableEnded) input.resume();
    }
    await running;
    return report;
  }

  /** Each row's extension values taken out and validated (on this thread: they are closures). */
  private prepare(rows: readonly ImportRow[]): Prepared {
    return {
      rows,
      outcomes: rows.map((row) => {
        if ('error' in row) return { field: 'line', rule: row.rule, message: row.error };
        const extras: Extra[] = [];
        for (const extension of this.extensions) {
          if (!(extension.field in row.fields)) continue;
          const checked = extension.validate(row.fields[extension.field]);
          if ('rule' in checked) return checked;
          extras.push({ extension, value: checked.value });
        }
        return extras;
      }),
    };
  }

  /** The customer fields of the rows still in the running, for the checker. */
  private customerFields({ rows, outcomes }: Prepared): Record<string, unknown>[] {
    const fields: Record<string, unknown>[] = [];
    outcomes.forEach((outcome, index) => {
      const row = rows[index];
      if (!Array.isArray(outcome) || !row || 'error' in row) return;
      const own = { ...row.fields };
      for (const { extension } of outcome) delete own[extension.field];
      fields.push(own);
    });
    return fields;
  }

  private async importChunk(
    { rows, outcomes }: Prepared,
    checks: readonly CustomerRowCheck[],
    run: ImportRun,
  ): Promise<void> {
    const accepted: Accepted[] = [];
    let next = 0;
    // In line order, so the earlier of two rows with the same email is the one imported.
    for (const [index, outcome] of outcomes.entries()) {
      const line = rows[index]?.line ?? 0;
      if (!Array.isArray(outcome)) {
        this.reject(run.report, line, outcome);
        continue;
      }
      const check = checks[next++];
      if (!check) throw new Error(`no check for line ${line}`);
      if (isRejection(check)) {
        this.reject(run.report, line, check);
        continue;
      }
      const { command, emailHash } = check;
      const refusal = this.uniqueness(emailHash, command.customerId, line, run);
      if (refusal) this.reject(run.report, line, refusal);
      else
        accepted.push({
          line,
          command,
          context: importContext(run.actor, emailHash),
          extras: outcome,
        });
    }
    await Promise.all(
      accepted.map(async (row) => {
        if (await this.create(row, run.report)) await this.applyExtras(row, run.report);
      }),
    );
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
    const active = pagesOf<CustomerProfileDocument>(
      this.documents,
      CUSTOMER_PROFILES,
      { status: 'active' },
      { pageSize: 10_000 },
    );
    for await (const profiles of active)
      for (const profile of profiles)
        if (profile.emailHash) taken.set(profile.emailHash, profile.customerId);
    return taken;
  }
}
