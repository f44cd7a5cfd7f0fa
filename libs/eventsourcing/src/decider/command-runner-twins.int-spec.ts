import { randomUUID } from 'node:crypto';
import {
  describeWithPostgres,
  dropSchema,
  uniqueSchemaName,
} from '../../../../test/support/postgres';
import { PostgresEventStore } from '../adapters/postgres/postgres-event-store';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import type { EventStore } from '../store/event-store.port';
import type { CommandContext } from './command-runner';
import { CommandRunner } from './command-runner';
import type { Decider, DomainEvent } from './decider';
import { domainError } from './domain-error';

type ThingEvent = DomainEvent<'Created', { name: string }> | DomainEvent<'Tagged', { tag: string }>;
type ThingCommand = { type: 'Create'; name: string } | { type: 'Tag'; tag: string };

/** Creating twice is refused; tagging twice with one tag is a no-op. */
const thing: Decider<ThingCommand, ThingEvent, { exists: boolean; tags: string[] }> = {
  initialState: { exists: false, tags: [] },
  evolve: (state, event) =>
    event.type === 'Created'
      ? { ...state, exists: true }
      : { ...state, tags: [...state.tags, event.data.tag] },
  decide: (command, state) => {
    if (command.type === 'Create')
      return state.exists
        ? domainError('conflict', 'ALREADY_EXISTS', 'already exists')
        : [{ type: 'Created', data: { name: command.name } }];
    return state.tags.includes(command.tag) ? [] : [{ type: 'Tagged', data: { tag: command.tag } }];
  },
};

const keyed: CommandContext = {
  actor: { id: 'key-1', role: 'service' },
  correlationId: 'corr-1',
  idempotencyKey: 'sent-to-two-processes',
};

/**
 * The same keyed request reached two processes (a client retried on another API while the
 * first was still working): the other process runs it whole after this one looked for an
 * earlier answer and before it reads the stream, and a third writer appends after that. This
 * process then decides on a state holding its twin; it must answer as the twin did.
 */
const twinsAnswerAlike = async (store: EventStore, command: ThingCommand): Promise<void> => {
  const run = (runner: CommandRunner, cmd: ThingCommand, context: CommandContext) =>
    runner.run(thing, cmd, {
      streamId: 'thing-1',
      context,
      commandType: cmd.type,
      customerId: 'c-1',
    });
  const setup = new CommandRunner(store);
  if (command.type === 'Tag')
    await run(setup, { type: 'Create', name: 'Ada' }, { ...keyed, idempotencyKey: randomUUID() });
  let theirs: Awaited<ReturnType<typeof run>> | undefined;
  const racing = Object.assign(Object.create(store) as EventStore, {
    readStream: async (...args: Parameters<EventStore['readStream']>) => {
      if (!theirs) {
        theirs = await run(new CommandRunner(store), command, keyed);
        await run(setup, { type: 'Tag', tag: 'later' }, { ...keyed, idempotencyKey: randomUUID() });
      }
      return store.readStream(...args);
    },
  });

  const ours = await run(new CommandRunner(racing), command, keyed);

  expect({ position: ours.position, revision: ours.nextExpectedRevision }).toEqual({
    position: theirs?.position,
    revision: theirs?.nextExpectedRevision,
  });
};

const commands: [string, ThingCommand][] = [
  ['a refused creation', { type: 'Create', name: 'Ada' }],
  ['a tag that is a no-op the second time', { type: 'Tag', tag: 'vip' }],
];

describe('a keyed command sent to two processes at once, on the embedded store', () => {
  it.each(commands)('answers %s alike in both', async (_, command) => {
    const store = new SqliteEventStore({ filename: ':memory:' });
    try {
      await twinsAnswerAlike(store, command);
    } finally {
      await store.close();
    }
  });
});

describeWithPostgres('a keyed command sent to two processes at once', (url) => {
  it.each(commands)('answers %s alike in both', async (_, command) => {
    const schema = uniqueSchemaName('twins');
    const store = await PostgresEventStore.connect({ connectionString: url, schema });
    try {
      await twinsAnswerAlike(store, command);
    } finally {
      await store.close();
      await dropSchema(url, schema);
    }
  });
});
