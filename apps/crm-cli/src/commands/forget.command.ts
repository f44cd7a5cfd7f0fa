import { userInfo } from 'node:os';
import type { Command } from 'commander';
import {
  CustomerDirectory,
  ForgetCustomerCommand,
  ForgetCustomerHandler,
  ForgetTraces,
} from '@crm/customers';
import { createPiiProtection, createUpcasters } from '@crm/composition';
import { CommandRunner } from '@crm/eventsourcing';
import { DocumentIdempotencyRecords } from '@crm/platform';
import { EncryptingEventStore } from '@crm/security/pii';
import type { CliContext } from '../cli-context';

export const registerForgetCommand = (program: Command, withContext: CliContext): void => {
  program
    .command('forget')
    .description('forget a customer: destroy their data key (crypto-shredding) and record it')
    .argument('<customerId>')
    .action((customerId: string) =>
      withContext(async ({ stores, out }) => {
        const upcaster = createUpcasters();
        const runner = new CommandRunner(
          new EncryptingEventStore(stores.events, createPiiProtection(stores.dataKeys)),
          { upcaster },
        );
        const handler = new ForgetCustomerHandler(
          runner,
          new CustomerDirectory(stores.events, upcaster),
          stores.dataKeys,
          new DocumentIdempotencyRecords(stores.documents),
          // No projectors here: the purge covers the destroyed key; crm-api's next one the rest.
          new ForgetTraces(stores.documents, null),
        );
        const result = await handler.execute(
          new ForgetCustomerCommand(customerId, {
            actor: { id: `cli:${userInfo().username}`, role: 'admin' },
            correlationId: `cli-forget-${customerId}`,
          }),
        );
        out(`forgot customer ${customerId} (log position ${result.position})`);
      }),
    );
};
