import { Server, ServerCredentials, status } from '@grpc/grpc-js';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';

/** One record of the fake server's log; `position` is both its prepare and commit position. */
export type TestRecord = {
  streamId: string;
  id: string;
  revision: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  position: number;
};

export type TestServerOptions = {
  /** HTTP/2 streams the server accepts at once on one connection (EventStoreDB: about 100). */
  maxConcurrentStreams: number;
  /** Reads that never answer (to show a deadline). */
  hangReads?: boolean;
  /** Records without positions, as servers before 22.6 send on some reads. */
  omitPositions?: boolean;
};

/**
 * A gRPC server speaking just enough of EventStoreDB's Streams.Read (the client's own
 * generated service definition) to run the real `@eventstore/db-client` against: reads of
 * $all and of a stream, forwards and backwards, with a count. It records how many read calls
 * are open, so a test can show that no code path leaves one behind. Not an EventStoreDB:
 * nothing else (appends, subscriptions, filters) is served.
 */
export class EventStoreDbTestServer {
  private readonly server: Server;
  private readonly open = new Set<ServerWritableStream<ReadReq, ReadResp>>();
  readonly records: TestRecord[] = [];
  /** Read calls served so far. */
  reads = 0;
  port = 0;

  constructor(private readonly options: TestServerOptions) {
    this.server = new Server({ 'grpc.max_concurrent_streams': options.maxConcurrentStreams });
    this.server.addService(StreamsService, {
      read: (call: ServerWritableStream<ReadReq, ReadResp>) => this.read(call),
    });
  }

  get openCalls(): number {
    return this.open.size;
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  async start(): Promise<void> {
    this.port = await new Promise<number>((resolve, reject) => {
      this.server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      );
    });
  }

  stop(): Promise<void> {
    for (const call of this.open) call.destroy();
    return new Promise((resolve) => this.server.tryShutdown(() => resolve()));
  }

  private read(call: ServerWritableStream<ReadReq, ReadResp>): void {
    this.reads += 1;
    this.open.add(call);
    const close = (): void => {
      this.open.delete(call);
    };
    call.on('cancelled', close);
    call.on('close', close);
    call.on('finish', close);
    if (this.options.hangReads) return;
    const options = call.request.getOptions();
    if (!options) {
      call.destroy({ code: status.INVALID_ARGUMENT, details: 'no options' } as never);
      return;
    }
    const selected = this.select(options);
    if (selected === null) {
      const notFound = new ReadResp.StreamNotFound();
      notFound.setStreamIdentifier(options.getStream()?.getStreamIdentifier());
      call.write(new ReadResp().setStreamNotFound(notFound));
      call.end();
      return;
    }
    for (const record of selected) call.write(toReadResp(record, !this.options.omitPositions));
    call.end();
  }

  private select(options: ReadReq.Options): TestRecord[] | null {
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const count = Number(options.getCount() || Number.MAX_SAFE_INTEGER);
    let records: TestRecord[];
    if (options.hasAll()) {
      const all = options.getAll();
      const from = all?.hasPosition() ? Number(all.getPosition()?.getPreparePosition()) : null;
      records = this.records.filter((record) =>
        from === null ? true : backwards ? record.position < from : record.position >= from,
      );
      if (all?.hasEnd() && !backwards) records = [];
    } else {
      const stream = options.getStream();
      const name = Buffer.from(
        stream?.getStreamIdentifier()?.getStreamName_asU8() ?? new Uint8Array(),
      ).toString('utf8');
      records = this.records.filter((record) => record.streamId === name);
      if (records.length === 0) return null;
      if (stream?.hasRevision()) {
        const from = Number(stream.getRevision());
        records = records.filter((record) =>
          backwards ? record.revision <= from : record.revision >= from,
        );
      }
    }
    if (backwards) records = [...records].reverse();
    return records.slice(0, count);
  }
}

const toReadResp = (record: TestRecord, withPosition: boolean): ReadResp => {
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(new UUID().setString(record.id));
  recorded.setStreamIdentifier(
    new StreamIdentifier().setStreamName(Buffer.from(record.streamId, 'utf8')),
  );
  recorded.setStreamRevision(String(record.revision));
  if (withPosition) {
    recorded.setPreparePosition(String(record.position));
    recorded.setCommitPosition(String(record.position));
  }
  const metadata = recorded.getMetadataMap();
  metadata.set('type', record.type);
  metadata.set('content-type', 'application/json');
  metadata.set('created', String(Date.UTC(2026, 0, 1) * 10_000));
  recorded.setCustomMetadata(Buffer.from(JSON.stringify(record.metadata)));
  recorded.setData(Buffer.from(JSON.stringify(record.data)));
  const event = new ReadResp.ReadEvent().setEvent(recorded);
  if (withPosition) event.setCommitPosition(String(record.position));
  return new ReadResp().setEvent(event);
};
