import type { DocumentStore } from '@crm/documents';
import type { OpportunityVersionDocument } from '../../projections/pipeline-board.document';
import { OPPORTUNITY_VERSIONS, STILL_VALID } from '../../projections/pipeline-board.document';
import type { OpportunityStatus } from '../../projections/pipeline-board.document';
import type { DealSum, ForecastSum } from './board-figures';

/** What the index reads of a document store. */
export type VersionSource = Pick<DocumentStore, 'find'>;

export type Scope = { pipelineId?: string; currency?: string };

const DAY_MS = 86_400_000;
const PAGE = 2_000;
const STATUSES: readonly OpportunityStatus[] = ['open', 'won', 'lost'];

/** The UTC day a version counts on: its expected close while open, the day it closed once not. */
const dayOf = (v: OpportunityVersionDocument): string =>
  v.closedAt === null ? v.expectedCloseDate : v.closedAt.slice(0, 10);

/** A `YYYY-MM-DD` as a whole number of days since 1970-01-01. */
export const dayNumber = (day: string): number => Math.round(Date.parse(day) / DAY_MS);

/** Strings as small numbers, both ways. */
class Dictionary {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  /** -1 for a value never seen: nothing matches it. */
  find(value: string | undefined): number | null {
    return value === undefined ? null : (this.ids.get(value) ?? -1);
  }

  at(id: number): string {
    return this.values[id] ?? '';
  }
}

/** Σ of whole minor units, exact: in a number while it is safe, the rest in a BigInt. */
class Sum {
  count = 0;
  private small = 0;
  private big = 0n;

  add(amount: number): void {
    this.count += 1;
    if (this.small > Number.MAX_SAFE_INTEGER - amount) {
      this.big += BigInt(this.small);
      this.small = 0;
    }
    this.small += amount;
  }

  get amount(): bigint {
    return this.big + BigInt(this.small);
  }
}

const grown = <T extends Float64Array | Uint32Array | Uint8Array | Int32Array>(
  array: T,
  capacity: number,
): T => {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
};

/**
 * Every opportunity version (`OPPORTUNITY_VERSIONS`) held in this process as columns of numbers,
 * so the figures as of any instant are one pass over plain arrays (a few milliseconds for
 * hundreds of thousands of versions) instead of reading and parsing the versions in force from
 * the store (all deals opened by then: tens of thousands of documents). The store stays the
 * truth: before each read the index loads the rows the board projection stamped with a later
 * `_position` than it has seen (an indexed range; nothing when nothing changed), so a read that
 * waited for `minPosition` sees its writes. The first read (or the start-up warm-up) loads
 * every row. About 60 bytes per version plus its id.
 */
export class OpportunityVersionsIndex {
  private size = 0;
  private validFrom = new Float64Array(1024);
  private validTo = new Float64Array(1024);
  private amount = new Float64Array(1024);
  private day = new Int32Array(1024);
  private pipeline = new Uint32Array(1024);
  private stage = new Uint32Array(1024);
  private owner = new Uint32Array(1024);
  private currency = new Uint32Array(1024);
  private status = new Uint8Array(1024);
  private readonly slots = new Map<string, number>();
  private readonly pipelines = new Dictionary();
  private readonly stages = new Dictionary();
  private readonly owners = new Dictionary();
  private readonly currencies = new Dictionary();
  /** The highest `_position` loaded; null until every row was loaded once. */
  private position: number | null = null;
  private loading: Promise<void> = Promise.resolve();

  get versions(): number {
    return this.size;
  }

  /** Loads what changed since the last refresh (everything the first time); one at a time. */
  refresh(documents: VersionSource): Promise<void> {
    const done = this.loading.then(() =>
      this.position === null ? this.loadAll(documents) : this.loadSince(documents, this.position),
    );
    this.loading = done.catch(() => undefined);
    return done;
  }

  private async loadAll(documents: VersionSource): Promise<void> {
    // Page by page into the columns (not findEvery: the documents are not kept). Rows changed
    // while the pages are read carry a later position: the pass after catches them.
    const latest = await documents.find<OpportunityVersionDocument>(
      OPPORTUNITY_VERSIONS,
      {},
      { sort: { _position: -1 }, limit: 1 },
    );
    const from = latest.items[0]?._position ?? 0;
    let cursor: string | undefined;
    do {
      const page = await documents.find<OpportunityVersionDocument>(
        OPPORTUNITY_VERSIONS,
        {},
        { sort: { _id: 1 }, limit: PAGE, cursor },
      );
      for (const row of page.items) this.put(row);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    await this.loadSince(documents, from);
  }

  /** The rows stamped at or after `from` (those at `from` again: loading a row twice is harmless). */
  private async loadSince(documents: VersionSource, from: number): Promise<void> {
    let last = from;
    let cursor: string | undefined;
    do {
      const page = await documents.find<OpportunityVersionDocument>(
        OPPORTUNITY_VERSIONS,
        { _position: { $gte: from } },
        { sort: { _position: 1 }, limit: PAGE, cursor },
      );
      for (const row of page.items) {
        this.put(row);
        if (row._position !== undefined && row._position > last) last = row._position;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    this.position = last;
  }

  private put(v: OpportunityVersionDocument): void {
    let slot = this.slots.get(v._id);
    if (slot === undefined) {
      slot = this.size;
      this.size += 1;
      if (slot >= this.validFrom.length) this.grow(this.validFrom.length * 2);
      this.slots.set(v._id, slot);
    }
    this.validFrom[slot] = Date.parse(v.validFrom);
    this.validTo[slot] = v.validTo === STILL_VALID ? Infinity : Date.parse(v.validTo);
    this.amount[slot] = v.amount.amount;
    this.day[slot] = dayNumber(dayOf(v));
    this.pipeline[slot] = this.pipelines.id(v.pipelineId);
    this.stage[slot] = this.stages.id(v.stageId);
    this.owner[slot] = this.owners.id(v.ownerId);
    this.currency[slot] = this.currencies.id(v.amount.currency);
    this.status[slot] = STATUSES.indexOf(v.status);
  }

  private grow(capacity: number): void {
    this.validFrom = grown(this.validFrom, capacity);
    this.validTo = grown(this.validTo, capacity);
    this.amount = grown(this.amount, capacity);
    this.day = grown(this.day, capacity);
    this.pipeline = grown(this.pipeline, capacity);
    this.stage = grown(this.stage, capacity);
    this.owner = grown(this.owner, capacity);
    this.currency = grown(this.currency, capacity);
    this.status = grown(this.status, capacity);
  }

  /**
   * Count and Σ amount of the versions in force at `asOf` (validFrom ≤ asOf < validTo) in the
   * scope, grouped by a numeric key; each group remembers one of its slots to name it by.
   */
  private sumsAt(
    asOf: string,
    scope: Scope,
    keyOf: (slot: number) => number | null,
  ): Map<number, { slot: number; sum: Sum }> {
    const at = Date.parse(asOf);
    const pipeline = this.pipelines.find(scope.pipelineId);
    const currency = this.currencies.find(scope.currency);
    const sums = new Map<number, { slot: number; sum: Sum }>();
    for (let i = 0; i < this.size; i += 1) {
      if (!((this.validFrom[i] ?? Infinity) <= at && at < (this.validTo[i] ?? 0))) continue;
      if (pipeline !== null && this.pipeline[i] !== pipeline) continue;
      if (currency !== null && this.currency[i] !== currency) continue;
      const key = keyOf(i);
      if (key === null) continue;
      let entry = sums.get(key);
      if (!entry) {
        entry = { slot: i, sum: new Sum() };
        sums.set(key, entry);
      }
      entry.sum.add(this.amount[i] ?? 0);
    }
    return sums;
  }

  /** Count and Σ amount per pipeline, stage, owner and currency of the deals as of `asOf`. */
  boardSumsAt(asOf: string, scope: Scope): DealSum[] {
    const stages = this.stages.values.length;
    const owners = this.owners.values.length;
    const currencies = this.currencies.values.length;
    const sums = this.sumsAt(
      asOf,
      scope,
      (i) =>
        (((this.pipeline[i] ?? 0) * stages + (this.stage[i] ?? 0)) * owners +
          (this.owner[i] ?? 0)) *
          currencies +
        (this.currency[i] ?? 0),
    );
    return [...sums.values()].map(({ slot, sum }) => ({
      pipelineId: this.pipelines.at(this.pipeline[slot] ?? 0),
      stageId: this.stages.at(this.stage[slot] ?? 0),
      ownerId: this.owners.at(this.owner[slot] ?? 0),
      currency: this.currencies.at(this.currency[slot] ?? 0),
      count: sum.count,
      amount: sum.amount,
    }));
  }

  /** Count and Σ amount per pipeline, stage, status and currency of the deals counting on a day of [from, to]. */
  forecastSumsAt(asOf: string, from: string, to: string, scope: Scope): ForecastSum[] {
    const first = dayNumber(from);
    const last = dayNumber(to);
    const stages = this.stages.values.length;
    const currencies = this.currencies.values.length;
    const sums = this.sumsAt(asOf, scope, (i) => {
      const day = this.day[i] ?? first - 1;
      if (day < first || day > last) return null;
      const stage = (this.pipeline[i] ?? 0) * stages + (this.stage[i] ?? 0);
      return (
        (stage * STATUSES.length + (this.status[i] ?? 0)) * currencies + (this.currency[i] ?? 0)
      );
    });
    return [...sums.values()].map(({ slot, sum }) => ({
      pipelineId: this.pipelines.at(this.pipeline[slot] ?? 0),
      stageId: this.stages.at(this.stage[slot] ?? 0),
      status: STATUSES[this.status[slot] ?? 0] ?? 'open',
      currency: this.currencies.at(this.currency[slot] ?? 0),
      count: sum.count,
      amount: sum.amount,
    }));
  }
}
