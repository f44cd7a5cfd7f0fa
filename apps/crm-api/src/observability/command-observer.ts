import type { CrmMetrics } from './crm-metrics';

/**
 * What the command runner reports once it takes an observer (see the lead's change to
 * libs/eventsourcing CommandRunner); the same shape, so the runner's types fit structurally.
 */
export type CommandObservation = {
  commandType: string;
  streamId: string;
  outcome: 'ok' | 'rejected' | 'conflict' | 'error';
  durationMs: number;
  /** Reload-and-decide rounds after concurrency conflicts. */
  retries: number;
  /** Events appended: 0 for an idempotent replay. */
  appended: number;
};

export type AppendObservation = {
  commandType: string;
  outcome: 'ok' | 'conflict' | 'error';
  durationMs: number;
};

export type CommandObserver = {
  onCommand(observation: CommandObservation): void;
  onAppend(observation: AppendObservation): void;
};

/** Turns the command runner's reports into metrics: runs, append latency, conflicts, retries. */
export class CommandMetrics implements CommandObserver {
  constructor(private readonly metrics: CrmMetrics) {}

  onCommand({ commandType, outcome, retries }: CommandObservation): void {
    this.metrics.runnerCommands.inc({ command: commandType, outcome });
    if (retries > 0) this.metrics.retries.inc({ command: commandType }, retries);
  }

  onAppend({ commandType, outcome, durationMs }: AppendObservation): void {
    this.metrics.appendDuration.observe({ outcome }, durationMs / 1000);
    if (outcome === 'conflict') this.metrics.conflicts.inc({ command: commandType });
  }
}
