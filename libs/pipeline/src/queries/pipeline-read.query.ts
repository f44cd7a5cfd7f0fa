import { Inject } from '@nestjs/common';
import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import { ReadModelFreshness } from '@crm/platform';

/**
 * Every read of the pipeline context is one query: the read models it needs fresh (read-your-
 * writes on `minPosition`), then a function over the document store. One handler runs them
 * all, so a new read is a function, not a query class and a handler class.
 */
export class PipelineRead<T> extends Query<T> {
  constructor(
    readonly projections: readonly string[],
    readonly minPosition: number | undefined,
    readonly read: (documents: DocumentStore) => Promise<T>,
  ) {
    super();
  }
}

@QueryHandler(PipelineRead)
export class PipelineReadHandler implements IQueryHandler<PipelineRead<unknown>> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async execute({ projections, minPosition, read }: PipelineRead<unknown>): Promise<unknown> {
    await this.freshness.ensure(projections, minPosition);
    return read(this.documents);
  }
}
