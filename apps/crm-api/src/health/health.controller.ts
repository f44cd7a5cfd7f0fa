import { Controller, Get, Req, ServiceUnavailableException } from '@nestjs/common';
import { NotReadyError } from '@crm/platform';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ErrorBody } from '@crm/platform';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { HealthCheckResult } from '@nestjs/terminus';
import { ApiKeyService, Public } from '@crm/security';
import { LiveResponse, ReadyResponse } from './health.responses';
import { StoresHealthIndicator } from './stores.health';

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/;

@ApiTags('ops')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly stores: StoresHealthIndicator,
    private readonly apiKeys: ApiKeyService,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  @ApiOkResponse({ type: LiveResponse })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Anyone may ask whether the service is ready, so the public answer is the status alone:
   * projector names, log positions and error texts describe the system to an attacker. An
   * admin key (Authorization: Bearer) gets the per-store and per-projector detail.
   */
  @Get('ready')
  // Above @HealthCheck(), whose own 503 schema is not what the exceptions filter sends.
  @ApiOkResponse({ type: ReadyResponse })
  @ApiResponse({
    status: 503,
    type: ErrorBody,
    description: 'Not ready; with an admin key, `health` says which part',
  })
  @HealthCheck()
  @ApiOperation({
    summary:
      'Stores reachable, no projection stopped, projectors within the lag bound (503 otherwise)',
    description:
      'Public answer: the status only. With an admin key: each store and projector (state, position, events behind, the event a stopped one cannot apply and its error) and rebuild progress.',
  })
  async ready(
    @Req() request: { headers: { authorization?: string } },
  ): Promise<HealthCheckResult | { status: 'ok' }> {
    const detailed = await this.isAdmin(request.headers.authorization);
    try {
      const result = await this.health.check([
        () => this.stores.eventStore(),
        () => this.stores.documentStore(),
        () => this.stores.projections(),
      ]);
      return detailed ? result : { status: 'ok' };
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      if (!detailed) throw new ServiceUnavailableException('not ready');
      throw new NotReadyError(error.getResponse() as Record<string, unknown>);
    }
  }

  private async isAdmin(authorization: string | undefined): Promise<boolean> {
    const token = BEARER.exec(authorization ?? '')?.[1];
    if (!token) return false;
    return (await this.apiKeys.authenticate(token))?.role === 'admin';
  }
}
