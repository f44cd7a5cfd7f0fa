import { Query } from '@nestjs/cqrs';
import type { RfmQueryDto } from './rfm.dto';
import type { RfmReport } from './rfm.report';

export class GetRfmReportQuery extends Query<RfmReport> {
  constructor(
    readonly query: RfmQueryDto,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}
