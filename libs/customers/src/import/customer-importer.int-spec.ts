import { EmbeddedDocumentStore } from '@crm/documents';
import { CommandRunner, SqliteEventStore } from '@crm/eventsourcing';
import {
  DataKeyStore,
  EncryptingEventStore,
  FileForgetLedger,
  PiiHasher,
  PiiProtection,
} from '@crm/security/pii';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { customerPiiFields } from '../index';
import type { CustomerRowChecker, ImportReport } from './customer-importer';
import { CustomerImporter, InProcessRowChecker, WorkerRowChecker } from './customer-importer';

const ACTOR = { id: 'importer-test', role: 'admin' };

const csv = (rows: string[]): Readable =>
  Readable.from([['name,email,phone,street,city,postalCode,country,tags', ...rows].join('\n')]);

const person = (i: number): string => `Person ${i},p${i}@chunks.example,,,,,,`;

describe('CustomerImporter', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crm-importer-'));
  let events: SqliteEventStore;
  let documents: EmbeddedDocumentStore;
  let sut: CustomerImporter;
  let masterKey: Buffer;
  beforeEach(() => {
    events = new SqliteEventStore({ filename: ':memory:' });
    documents = new EmbeddedDocumentStore({ filename: ':memory:' });
    masterKey = randomBytes(32);
    const keys = new DataKeyStore(
      documents,
      masterKey,
      new FileForgetLedger(join(folder, `${Math.random()}.ledger`)),
    );
    const runner = new CommandRunner(
      new EncryptingEventStore(events, new PiiProtection(keys, customerPiiFields)),
    );
    sut = new CustomerImporter(runner, documents, new PiiHasher(masterKey));
  });
  afterEach(async () => {
    await events.close();
    await documents.close();
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const eventCount = async (): Promise<number> =>
    (await events.readAll({ fromPosition: 0, limit: 10_000 })).events.length;

  const mixedRows = [
    person(1),
    'Bad Email,not-an-email,,,,,,',
    person(2),
    'Dup One,P1@chunks.example,,,,,,',
    person(3),
    'Bad Phone,phone@chunks.example,12ab,,,,,',
    'Dup Three,p3@chunks.example,,,,,,',
  ];

  it.each([
    ['on this thread', () => undefined],
    ['on a worker thread', () => WorkerRowChecker.start(masterKey)],
  ])(
    'checks every row of every chunk (%s) and names line, field and rule of each rejection',
    async (_where, checkerFor: () => CustomerRowChecker | undefined) => {
      const checker = checkerFor();
      const report = await sut
        .import(csv(mixedRows), ACTOR, {
          format: 'csv',
          chunkSize: 2,
          ...(checker ? { checker } : {}),
        })
        .finally(() => checker?.close());
      expect(report).toMatchObject({ rows: 7, imported: 3, alreadyImported: 0, rejected: 4 });
      expect(report.rejections).toEqual([
        { line: 3, field: 'email', rule: 'isEmail', message: expect.any(String) },
        { line: 5, field: 'email', rule: 'unique', message: 'email already on line 2' },
        { line: 7, field: 'phone', rule: 'matches', message: expect.any(String) },
        { line: 8, field: 'email', rule: 'unique', message: 'email already on line 6' },
      ]);
      expect(await eventCount()).toBe(3);
    },
  );

  it('maps rows to the same customers whichever thread checks them (re-runs add nothing)', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => person(i));
    const checker = WorkerRowChecker.start(masterKey);
    try {
      await sut.import(csv(rows.slice(0, 12)), ACTOR, { format: 'csv', chunkSize: 4, checker });
    } finally {
      await checker.close();
    }
    const resumed = await sut.import(csv(rows), ACTOR, { format: 'csv', chunkSize: 7 });
    expect(resumed).toMatchObject({ rows: 30, imported: 18, alreadyImported: 12 });
    expect(await eventCount()).toBe(30);
  });

  it('stops at a chunk whose check fails, with every earlier chunk in and nothing after it', async () => {
    const inProcess = new InProcessRowChecker(new PiiHasher(masterKey));
    let chunks = 0;
    const failing: CustomerRowChecker = {
      check: (rows, actor) =>
        (chunks += 1) === 3
          ? Promise.reject(new Error('checker lost'))
          : inProcess.check(rows, actor),
      close: () => Promise.resolve(),
    };
    const rows = Array.from({ length: 20 }, (_, i) => person(i));
    await expect(
      sut.import(csv(rows), ACTOR, { format: 'csv', chunkSize: 4, checker: failing }),
    ).rejects.toThrow('checker lost');
    expect(await eventCount()).toBe(8);
    const resumed = await sut.import(csv(rows), ACTOR, { format: 'csv', chunkSize: 4 });
    expect(resumed).toMatchObject({ imported: 12, alreadyImported: 8 });
    expect(await eventCount()).toBe(20);
  });

  it('seals personal data in the events it appends', async () => {
    await sut.import(csv([person(1)]), ACTOR, { format: 'csv' });
    const [created] = (await events.readAll({ fromPosition: 0, limit: 10 })).events;
    expect(created?.data.name).toMatch(/^pii:v1:name:/);
    expect(created?.data.email).toMatch(/^pii:v1:email:/);
  });

  it('adds nothing when the same file is imported again', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => person(i));
    await sut.import(csv(rows), ACTOR, { format: 'csv', chunkSize: 10 });
    const again = await sut.import(csv(rows), ACTOR, { format: 'csv', chunkSize: 7 });
    expect(again).toMatchObject({ rows: 25, imported: 0, alreadyImported: 25, rejected: 0 });
    expect(await eventCount()).toBe(25);
  });

  it('resumes an interrupted import without losing or doubling a row', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => person(i));
    await sut.import(csv(rows.slice(0, 13)), ACTOR, { format: 'csv', chunkSize: 5 });
    const resumed = await sut.import(csv(rows), ACTOR, { format: 'csv', chunkSize: 5 });
    expect(resumed).toMatchObject({ imported: 27, alreadyImported: 13 });
    expect(await eventCount()).toBe(40);
  });

  it('reports progress after each chunk and once at the end', async () => {
    const seen: ImportReport[] = [];
    await sut.import(csv(Array.from({ length: 5 }, (_, i) => person(i))), ACTOR, {
      format: 'csv',
      chunkSize: 2,
      onProgress: (p) => seen.push(p),
    });
    expect(seen.map((p) => [p.rows, p.imported])).toEqual([
      [2, 2],
      [4, 4],
      [5, 5],
    ]);
  });
});
