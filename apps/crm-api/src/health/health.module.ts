import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { StoresHealthIndicator } from './stores.health';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [StoresHealthIndicator],
})
export class HealthModule {}
