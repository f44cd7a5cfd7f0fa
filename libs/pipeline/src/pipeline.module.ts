import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CustomersModule } from '@crm/customers';
import { pipelineCommandProviders } from './application/pipeline-command.handler';
import { PIPELINE_CLOCK } from './application/pipeline.config';
import { ActivitiesController } from './http/activities.controller';
import { OpportunitiesController } from './http/opportunities.controller';
import { PipelinesController } from './http/pipelines.controller';
import { pipelineQueryProviders, pipelineReadControllers } from './pipeline-read-side';

@Module({
  imports: [CqrsModule, CustomersModule],
  controllers: [
    PipelinesController,
    OpportunitiesController,
    ActivitiesController,
    ...pipelineReadControllers,
  ],
  providers: [
    { provide: PIPELINE_CLOCK, useValue: () => new Date() },
    ...pipelineCommandProviders,
    ...pipelineQueryProviders,
  ],
})
export class PipelineModule {}
