import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { HealthCheckResult } from '@nestjs/terminus';
import { Public } from '@crm/security';
import { StoresHealthIndicator } from './stores.health';

@ApiTags('ops')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly stores: StoresHealthIndicator,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Stores reachable and projectors within the lag bound (503 otherwise)' })
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.stores.eventStore(),
      () => this.stores.documentStore(),
      () => this.stores.projections(),
    ]);
  }
}
