import type { Command } from 'commander';
import {
  CustomerAudit,
  createPiiProtection,
  createUpcasters,
  parseAuditPoint,
} from '@crm/composition';
import type { CliContext } from '../cli-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const requireUuid = (customerId: string): void => {
  if (!UUID.test(customerId)) throw new Error(`customerId must be a UUID, got ${customerId}`);
};

/** Auditors' commands: what happened to a customer, and what was true at a point. */
export const registerAuditCommands = (program: Command, withContext: CliContext): void => {
  program
    .command('history')
    .description('every event about a customer, in log order, decrypted (or erased), as JSON lines')
    .argument('<customerId>')
    .action((customerId: string) =>
      withContext(async ({ stores, out }) => {
        requireUuid(customerId);
        const audit = new CustomerAudit(stores.events, createUpcasters());
        const pii = createPiiProtection(stores.dataKeys);
        let cursor = 0;
        for (;;) {
          const page = await audit.history(customerId, 500, cursor);
          if (!page) throw new Error(`customer ${customerId} has no history`);
          for (const event of await pii.revealDeep(page.events)) out(JSON.stringify(event));
          if (!page.nextCursor) return;
          cursor = Number(page.nextCursor);
        }
      }),
    );

  program
    .command('state-at')
    .description('the customer (profile, open tickets, orders) as of an ISO time or a log position')
    .argument('<customerId>')
    .argument('<at>', 'ISO 8601 time (2026-03-01T12:00:00Z) or a log position')
    .action((customerId: string, at: string) =>
      withContext(async ({ stores, out }) => {
        requireUuid(customerId);
        const point = parseAuditPoint(at);
        if (!point) throw new Error(`at must be an ISO 8601 time or a log position, got ${at}`);
        const state = await new CustomerAudit(stores.events, createUpcasters()).stateAt(
          customerId,
          at,
          point,
        );
        if (!state) throw new Error(`customer ${customerId} had no history at ${at}`);
        out(JSON.stringify(await createPiiProtection(stores.dataKeys).revealDeep(state), null, 2));
      }),
    );
};
