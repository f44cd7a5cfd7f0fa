import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RfmController } from './rfm.controller';
import { GetRfmReportHandler } from './rfm-query.handler';

@Module({
  imports: [CqrsModule],
  controllers: [RfmController],
  providers: [GetRfmReportHandler],
})
export class RfmAnalyticsModule {}
