import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetSatisfactionReportHandler } from './satisfaction-report.handler';
import { SatisfactionController } from './satisfaction.controller';

@Module({
  imports: [CqrsModule],
  controllers: [SatisfactionController],
  providers: [GetSatisfactionReportHandler],
})
export class SatisfactionAnalyticsModule {}
