import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { NotReadyError } from '@crm/platform';
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
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.stores.eventStore(),
        () => this.stores.documentStore(),
        () => this.stores.projections(),
      ]);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        throw new NotReadyError(error.getResponse() as Record<string, unknown>);
      }
      throw error;
    }
  }
}
