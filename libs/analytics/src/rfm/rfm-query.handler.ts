import { Inject } from '@nestjs/common';
import { QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import { ReadModelFreshness } from '@crm/platform';
import { CUSTOMER_VALUE_PROJECTION } from '../customer-value/customer-value.document';
import { CUSTOMER_VALUE_RANKING_PROJECTION } from '../customer-value/customer-value-ranking.document';
import { ensureCaughtUpWith } from '../read-model-consistency';
import type { RfmReport } from './rfm.report';
import { rfmReport } from './rfm.report';
import { GetRfmReportQuery } from './rfm.query';

@QueryHandler(GetRfmReportQuery)
export class GetRfmReportHandler implements IQueryHandler<GetRfmReportQuery> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async execute({ query, minPosition }: GetRfmReportQuery): Promise<RfmReport> {
    await this.freshness.ensure(
      [CUSTOMER_VALUE_PROJECTION, CUSTOMER_VALUE_RANKING_PROJECTION],
      minPosition,
    );
    // Orders come from the customer value read model, merges from the ranking one; a customer
    // value model added by an upgrade answers "not ready" while it builds from position 0.
    await ensureCaughtUpWith(
      this.freshness,
      this.documents,
      CUSTOMER_VALUE_PROJECTION,
      CUSTOMER_VALUE_RANKING_PROJECTION,
    );
    await ensureCaughtUpWith(
      this.freshness,
      this.documents,
      CUSTOMER_VALUE_RANKING_PROJECTION,
      CUSTOMER_VALUE_PROJECTION,
    );
    return rfmReport(this.documents, {
      asOf: query.asOf ? new Date(query.asOf) : undefined,
      segment: query.segment,
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }
}
