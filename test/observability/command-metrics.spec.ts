import { CommandMetrics } from '../../apps/crm-api/src/observability/command-observer';
import { CrmMetrics } from '../../apps/crm-api/src/observability/crm-metrics';
import { parsePrometheus, valueOf } from './prometheus-text';

describe('CommandMetrics', () => {
  const scrape = async (metrics: CrmMetrics) => parsePrometheus(await metrics.registry.metrics());

  it('counts runs by command type and outcome, and retries after conflicts', async () => {
    const metrics = new CrmMetrics();
    const sut = new CommandMetrics(metrics);
    const run = { streamId: 'customer-1', durationMs: 3, appended: 1 };
    sut.onCommand({ ...run, commandType: 'TagCustomer', outcome: 'ok', retries: 2 });
    sut.onCommand({ ...run, commandType: 'TagCustomer', outcome: 'rejected', retries: 0 });

    const samples = await scrape(metrics);
    expect(
      valueOf(samples, 'crm_command_runs_total', { command: 'TagCustomer', outcome: 'ok' }),
    ).toBe(1);
    expect(
      valueOf(samples, 'crm_command_runs_total', { command: 'TagCustomer', outcome: 'rejected' }),
    ).toBe(1);
    expect(valueOf(samples, 'crm_command_retries_total', { command: 'TagCustomer' })).toBe(2);
  });

  it('times appends in seconds and counts the conflicting ones', async () => {
    const metrics = new CrmMetrics();
    const sut = new CommandMetrics(metrics);
    sut.onAppend({ commandType: 'OpenTicket', outcome: 'ok', durationMs: 4 });
    sut.onAppend({ commandType: 'OpenTicket', outcome: 'conflict', durationMs: 2 });

    const samples = await scrape(metrics);
    expect(
      valueOf(samples, 'crm_event_append_duration_seconds_sum', { outcome: 'ok' }),
    ).toBeCloseTo(0.004);
    expect(valueOf(samples, 'crm_event_append_duration_seconds_count')).toBe(2);
    expect(valueOf(samples, 'crm_command_conflicts_total', { command: 'OpenTicket' })).toBe(1);
  });
});
