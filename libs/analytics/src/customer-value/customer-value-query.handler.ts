import { Inject } from '@nestjs/common';
import { QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import { ReadModelFreshness } from '@crm/platform';
import { ensureCaughtUpWith } from '../read-model-consistency';
import { CUSTOMER_VALUE_PROJECTION } from './customer-value.document';
import { CUSTOMER_VALUE_RANKING_PROJECTION } from './customer-value-ranking.document';
import type { CustomerValueReport } from './customer-value.queries';
import { customerValueReport } from './customer-value.queries';
import { GetCustomerValueReportQuery } from './customer-value.query';

@QueryHandler(GetCustomerValueReportQuery)
export class GetCustomerValueReportHandler implements IQueryHandler<GetCustomerValueReportQuery> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async execute({ query, minPosition }: GetCustomerValueReportQuery): Promise<CustomerValueReport> {
    await this.freshness.ensure([CUSTOMER_VALUE_RANKING_PROJECTION], minPosition);
    await ensureCaughtUpWith(
      this.freshness,
      this.documents,
      CUSTOMER_VALUE_RANKING_PROJECTION,
      CUSTOMER_VALUE_PROJECTION,
    );
    return customerValueReport(this.documents, { top: query.top ?? 10, currency: query.currency });
  }
}
