import { Global, Module } from '@nestjs/common';
import { ProjectionRebuilds } from './projection-rebuilds.service';
import { ProjectionStates } from './projection-states.service';
import { ProjectionsController } from './projections.controller';

@Global()
@Module({
  controllers: [ProjectionsController],
  providers: [ProjectionRebuilds, ProjectionStates],
  exports: [ProjectionRebuilds, ProjectionStates],
})
export class AdminModule {}
