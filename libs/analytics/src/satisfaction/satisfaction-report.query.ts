import { Query } from '@nestjs/cqrs';
import type { SatisfactionReport, SatisfactionReportQuery } from './satisfaction.queries';

export class GetSatisfactionReportQuery extends Query<SatisfactionReport> {
  constructor(
    readonly report: SatisfactionReportQuery,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}
