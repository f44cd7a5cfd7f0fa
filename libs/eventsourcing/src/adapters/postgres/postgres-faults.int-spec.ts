import type { AddressInfo, Server, Socket } from 'node:net';
import { connect as tcpConnect, createServer } from 'node:net';
import {
  describeWithPostgres,
  dropSchema,
  uniqueSchemaName,
} from '../../../../../test/support/postgres';
import { StoreUnavailableError } from '../../store/errors';
import { aNewEvent, aStreamId } from '../../testing/event-factory';
import { PostgresEventStore } from './postgres-event-store';

/** A port nothing listens on: bound by us, then released. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
};

/** The database behind a TCP hop the test can cut and restore, as a server going down and up. */
class Outage {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: URL) {}

  async up(): Promise<void> {
    this.server = createServer((downstream) => {
      const upstream = tcpConnect(Number(this.target.port || 5432), this.target.hostname);
      for (const socket of [downstream, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => socket.destroy());
        socket.on('close', () => this.sockets.delete(socket));
      }
      downstream.pipe(upstream).pipe(downstream);
      upstream.on('close', () => downstream.destroy());
      downstream.on('close', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => server?.close(resolve));
  }

  url(database: URL): string {
    const url = new URL(database);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }
}

describeWithPostgres('PostgresEventStore when the server is unavailable', (url) => {
  const schema = uniqueSchemaName('events_faults');
  afterAll(() => dropSchema(url, schema));

  it('refuses to connect to a closed port with StoreUnavailableError', async () => {
    const target = new URL(url);
    target.hostname = '127.0.0.1';
    target.port = String(await closedPort());
    await expect(
      PostgresEventStore.connect({ connectionString: target.toString(), schema }),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('answers unavailable while the server is down, then works again when it returns', async () => {
    const outage = new Outage(new URL(url));
    await outage.up();
    const store = await PostgresEventStore.connect({
      connectionString: outage.url(new URL(url)),
      schema,
    });
    try {
      const streamId = aStreamId();
      await store.append(streamId, [aNewEvent()], 'no_stream');

      await outage.down();
      const writes = [0, 0, 0].map(() => store.append(streamId, [aNewEvent()], 0));
      for (const write of writes) await expect(write).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.readStream(streamId)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);

      await outage.up();
      await expect(store.ping()).resolves.toBeUndefined();
      await expect(store.append(streamId, [aNewEvent()], 0)).resolves.toMatchObject({
        nextExpectedRevision: 1,
      });
      expect(await store.readStream(streamId)).toHaveLength(2);
    } finally {
      await store.close();
      await outage.down();
    }
  });
});
