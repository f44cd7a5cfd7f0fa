import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PredictedValueController } from './predicted-value.controller';
import { predictedValueQueryHandlers } from './predicted-value-query.handlers';

@Module({
  imports: [CqrsModule],
  controllers: [PredictedValueController],
  providers: [...predictedValueQueryHandlers],
})
export class PredictedValueAnalyticsModule {}
