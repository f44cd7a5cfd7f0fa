import { Inject } from '@nestjs/common';
import { QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import { ReadModelFreshness } from '@crm/platform';
import { ensureCaughtUpWith } from '../read-model-consistency';
import { SATISFACTION_BUCKETS_PROJECTION } from './satisfaction-bucket.document';
import { SATISFACTION_RATINGS_PROJECTION } from './satisfaction-rating.document';
import { GetSatisfactionReportQuery } from './satisfaction-report.query';
import type { SatisfactionReport } from './satisfaction.queries';
import { satisfactionReport } from './satisfaction.queries';

@QueryHandler(GetSatisfactionReportQuery)
export class GetSatisfactionReportHandler implements IQueryHandler<GetSatisfactionReportQuery> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async execute({ report, minPosition }: GetSatisfactionReportQuery): Promise<SatisfactionReport> {
    await this.freshness.ensure(
      [SATISFACTION_RATINGS_PROJECTION, SATISFACTION_BUCKETS_PROJECTION],
      minPosition,
    );
    // The report adds buckets and the ratings of partial days.
    await ensureCaughtUpWith(
      this.freshness,
      this.documents,
      SATISFACTION_BUCKETS_PROJECTION,
      SATISFACTION_RATINGS_PROJECTION,
    );
    return satisfactionReport(this.documents, report);
  }
}
