import type { Command } from 'commander';
import { allProjections } from '@crm/composition';
import { countLag, readStops } from '@crm/eventsourcing';
import type { CliContext } from '../cli-context';

/** Events behind are counted up to this many (positions are not dense: never subtracted). */
const LAG_CAP = 10_000;

/**
 * Lists every projection with its checkpoint, how many events it is behind, and its state; a
 * stopped one names the event it cannot apply and the error. Reads the stores, so it works
 * whichever process runs the projectors.
 */
export const registerProjectionsCommand = (program: Command, withContext: CliContext): void => {
  program
    .command('projections')
    .description('list projections: checkpoint, events behind, and where a stopped one is stuck')
    .option('--json', 'one JSON document instead of lines')
    .action((options: { json?: boolean }) =>
      withContext(async ({ stores, out }) => {
        const stops = await readStops(stores.documents);
        const rows = await Promise.all(
          allProjections.map(async ({ name }) => {
            const checkpoint = (await stores.documents.getCheckpoint(name)) ?? 0;
            const lag = await countLag(stores.events, checkpoint, LAG_CAP);
            const stoppedAt = stops.get(name);
            return {
              name,
              state: stoppedAt ? 'stopped' : lag.behind ? 'behind' : 'caught-up',
              checkpoint,
              lagEvents: lag.events,
              lagCapped: lag.capped,
              ...(stoppedAt && { stoppedAt }),
            };
          }),
        );
        if (options.json) {
          out(JSON.stringify(rows, null, 2));
          return;
        }
        for (const row of rows) {
          const behind = `${row.lagEvents}${row.lagCapped ? '+' : ''} events behind`;
          out(`${row.name.padEnd(28)} ${row.state.padEnd(9)} at ${row.checkpoint}, ${behind}`);
          if (row.stoppedAt) {
            const { position, type, eventId, error, since } = row.stoppedAt;
            out(`  stopped at event ${position} (${type}, ${eventId}) since ${since}: ${error}`);
          }
        }
      }),
    );
};
