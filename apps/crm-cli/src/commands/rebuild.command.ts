import type { Command } from 'commander';
import { allProjections, createUpcasters } from '@crm/composition';
import { ProjectorRunner } from '@crm/eventsourcing';
import type { CliContext } from '../cli-context';

/**
 * Resets the chosen read models (drops their collections and checkpoints) and replays the
 * whole log into them, then exits. A running crm-api notices the reset checkpoint on its next
 * commit and follows the new one, so no event is applied twice.
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
        const head = await stores.events.headPosition();
        for (const projection of chosen) {
          for (const collection of projection.collections)
            await stores.documents.dropCollection(collection.name);
          await stores.documents.deleteCheckpoint(projection.name);
        }
        const started = Date.now();
        const runner = new ProjectorRunner(stores.events, stores.documents, chosen, {
          upcaster: createUpcasters(),
        });
        await runner.start();
        await runner.waitFor(
          chosen.map((p) => p.name),
          head,
          24 * 3600 * 1000,
        );
        await runner.stop();
        const seconds = (Date.now() - started) / 1000;
        out(
          `rebuilt ${chosen.map((p) => p.name).join(', ')} up to position ${head} in ${seconds.toFixed(1)} s`,
        );
      }),
    );
};
