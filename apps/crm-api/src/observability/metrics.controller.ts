import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@crm/security';
import { CrmMetrics } from './crm-metrics';

@ApiTags('ops')
@Controller('metrics')
@Public()
export class MetricsController {
  constructor(private readonly metrics: CrmMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Prometheus metrics: HTTP latency by route, commands by type and outcome, append latency, conflicts and retries, projector lag, read-model wait timeouts',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4', type: String })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
