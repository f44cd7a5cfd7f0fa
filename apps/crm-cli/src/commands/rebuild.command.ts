import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { allProjections, createPiiProtection, createUpcasters } from '@crm/composition';
import { withRevealedIndexes } from '@crm/security/pii';
import { CommandRunner, ProjectionRebuilder } from '@crm/eventsourcing';
import { connectAttributionSaga } from '@crm/marketing';
import type { RebuildProgress } from '@crm/eventsourcing';
import type { CliContext } from '../cli-context';

/**
 * Rebuilds read models without downtime: a fresh copy of each is built from position 0 next to
 * the live one (which keeps serving a running crm-api), then swapped in at once. A progress bar
 * shows events done / total, rate and ETA on a terminal; otherwise a line per projection.
 */
export const registerRebuildCommand = (program: Command, withContext: CliContext): void => {
  program
    .command('rebuild')
    .description(
      `rebuild read models from the event log (${allProjections.map((p) => p.name).join(', ')})`,
    )
    .argument('[projection]', 'one projection; all when omitted')
    .action((name: string | undefined) =>
      withContext(async ({ stores, out }) => {
        const chosen = name ? allProjections.filter((p) => p.name === name) : allProjections;
        if (chosen.length === 0) {
          throw new Error(
            `unknown projection ${name}; known: ${allProjections.map((p) => p.name).join(', ')}`,
          );
        }
        // Rebuilding the attribution saga re-sends its commands with the same keys: nothing twice.
        const disconnect = connectAttributionSaga(
          new CommandRunner(stores.events, { upcaster: createUpcasters() }),
        );
        const indexed = withRevealedIndexes(stores.events, createPiiProtection(stores.dataKeys));
        const rebuilder = new ProjectionRebuilder(indexed, stores.documents, {
          upcaster: createUpcasters(),
        });
        for (const projection of chosen) {
          const bar = process.stdout.isTTY
            ? new SingleBar({
                format: `${projection.name.padEnd(24)} [{bar}] {value}/{total} events | {rate} ev/s | ETA {eta}s`,
              })
            : null;
          let barStarted = false;
          const show = (progress: RebuildProgress): void => {
            if (!bar) return;
            const payload = { rate: progress.eventsPerSecond };
            if (!barStarted) bar.start(progress.eventsTotal, progress.eventsDone, payload);
            barStarted = true;
            bar.setTotal(progress.eventsTotal);
            bar.update(progress.eventsDone, payload);
          };
          const done = await rebuilder.rebuild(projection, show);
          bar?.stop();
          out(
            `rebuilt ${projection.name} up to position ${done.total}: ${done.eventsDone} events (${done.eventsPerSecond} events/s)`,
          );
        }
        disconnect();
      }),
    );
};
