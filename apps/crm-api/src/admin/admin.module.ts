import { Global, Module } from '@nestjs/common';
import { ProjectionRebuilds } from './projection-rebuilds.service';
import { ProjectionsController } from './projections.controller';

@Global()
@Module({
  controllers: [ProjectionsController],
  providers: [ProjectionRebuilds],
  exports: [ProjectionRebuilds],
})
export class AdminModule {}
