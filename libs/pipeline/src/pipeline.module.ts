import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CustomersModule } from '@crm/customers';
import { pipelineQueryProviders, pipelineReadControllers } from './pipeline-read-side';

@Module({
  imports: [CqrsModule, CustomersModule],
  controllers: [...pipelineReadControllers],
  providers: [...pipelineQueryProviders],
})
export class PipelineModule {}
