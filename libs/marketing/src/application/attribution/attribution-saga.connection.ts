import type { CommandRunner } from '@crm/eventsourcing';
import { createAttributionSaga } from './attribution.saga';

/** The saga ran before anything gave it a command runner: its batch is retried, nothing is lost. */
export class AttributionSagaNotConnectedError extends Error {
  override readonly name = 'AttributionSagaNotConnectedError';
  constructor() {
    super(
      'campaign-attribution has no command runner: call connectAttributionSaga(runner) at start-up',
    );
  }
}

let connected: CommandRunner | null = null;

/**
 * Projections are plain values listed before any store exists, so the saga in
 * `marketingProjections` gets its command runner here, once per process: MarketingModule does it
 * in the api; a worker without Nest calls it itself. Returns the disconnect.
 */
export const connectAttributionSaga = (runner: CommandRunner): (() => void) => {
  connected = runner;
  return () => {
    if (connected === runner) connected = null;
  };
};

const connectedRunner = (): CommandRunner => {
  if (!connected) throw new AttributionSagaNotConnectedError();
  return connected;
};

export const attributionSaga = createAttributionSaga(connectedRunner);
