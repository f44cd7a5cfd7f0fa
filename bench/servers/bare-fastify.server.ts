import Fastify from 'fastify';
import { v4 as uuidv4 } from 'uuid';
import type { CommandContext } from '@crm/eventsourcing';
import { customerDecider, customerStreamId } from '@crm/customers';
import { PiiHasher, parseMasterKey } from '@crm/security/pii';
import { BENCH_MASTER_KEY, openStores } from '../lib/stores';
import type { Durability } from '../lib/stores';

/**
 * The HTTP baseline: a bare Fastify app doing the same appends as crm-api (the same command
 * runner, decider, PII sealing and SQLite store at the same durability) with no Nest, no auth,
 * no validation pipe, no projectors.
 */
const main = async (): Promise<void> => {
  const stores = openStores(
    process.env.CRM_DATA_DIR ?? './data',
    (process.env.SQLITE_SYNCHRONOUS ?? 'FULL') as Durability,
  );
  const hasher = new PiiHasher(parseMasterKey(BENCH_MASTER_KEY));
  const context = (): CommandContext => ({
    actor: { id: 'bare', role: 'service' },
    correlationId: uuidv4(),
  });
  const app = Fastify({ logger: false });
  app.get('/health', async () => ({ ok: true }));
  app.post<{ Body: { name: string; email: string } }>('/customers', async (request, reply) => {
    const customerId = uuidv4();
    const { name, email } = request.body;
    const result = await stores.runner.run(
      customerDecider,
      {
        type: 'CreateCustomer',
        customerId,
        contact: { name, email, phone: null, address: null },
        lookup: {
          emailHash: hasher.hash('email', email),
          nameHashes: name
            .toLowerCase()
            .split(/\s+/)
            .map((w) => hasher.hash('name', w)),
        },
        tags: [],
      },
      {
        streamId: customerStreamId(customerId),
        context: context(),
        commandType: 'CreateCustomer',
        customerId,
      },
    );
    return reply.code(201).send({
      id: customerId,
      streamRevision: result.nextExpectedRevision,
      position: result.position,
    });
  });
  app.post<{ Params: { id: string }; Body: { text: string } }>(
    '/customers/:id/notes',
    async (request) => {
      const customerId = request.params.id;
      const result = await stores.runner.run(
        customerDecider,
        { type: 'AddCustomerNote', customerId, noteId: uuidv4(), text: request.body.text },
        {
          streamId: customerStreamId(customerId),
          context: context(),
          commandType: 'AddCustomerNote',
          customerId,
        },
      );
      return {
        id: customerId,
        streamRevision: result.nextExpectedRevision,
        position: result.position,
      };
    },
  );
  await app.listen({
    port: Number(process.env.PORT ?? 3100),
    host: process.env.HOST ?? '127.0.0.1',
  });
  const stop = (): void => {
    void app
      .close()
      .then(() => stores.close())
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
};

void main();
