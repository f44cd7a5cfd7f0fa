import { Client } from 'pg';
import {
  describeWithPostgres,
  dropSchema,
  uniqueSchemaName,
} from '../../../../../test/support/postgres';
import type { Document, IndexSpec } from '../../document-store.port';
import { planIndex, quoteIdentifier } from './pg-indexes';
import { PostgresDocumentStore } from './postgres-document-store';

const STATUSES = ['open', 'assigned', 'waiting', 'resolved', 'closed'];
const PRIORITIES = ['low', 'normal', 'high'];

const aTicket = (i: number): Document => ({
  _id: `t-${String(i).padStart(5, '0')}`,
  ref: `r-${i}`,
  status: STATUSES[i % STATUSES.length],
  priority: PRIORITIES[i % PRIORITIES.length],
  due: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  createdAt: 1_700_000_000 + i,
  tags: [`t${i % 50}`, `u${i % 7}`],
});

const INDEXES: IndexSpec[] = [
  { field: 'ref', unique: true },
  { field: 'createdAt' },
  { fields: ['status', 'priority', 'due'] },
  { field: 'tags', array: true },
];

/**
 * The query plans PostgreSQL chooses for the SQL the store runs, on a collection large enough
 * (and analysed) for an index to beat a scan: declared indexes must answer the queries they
 * were declared for.
 */
describeWithPostgres('PostgresDocumentStore query plans', (url) => {
  const schema = uniqueSchemaName('docs_plans');
  const index = (spec: IndexSpec) => planIndex(schema, 'doc_queue', spec).name;
  let store: PostgresDocumentStore;

  beforeAll(async () => {
    store = await PostgresDocumentStore.connect({ connectionString: url, schema, poolSize: 2 });
    await store.ensureCollection({ name: 'queue', indexes: INDEXES });
    await store.insertMany(
      'queue',
      Array.from({ length: 6_000 }, (_, i) => aTicket(i)),
    );
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`ANALYZE ${quoteIdentifier(schema)}.doc_queue`);
    await client.end();
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(url, schema);
  });

  it('looks a document up by a unique field through its index', async () => {
    const plan = await store.explainFind('queue', { ref: 'r-17' });
    expect(plan).toContain(`Index Scan using ${index(INDEXES[0] as IndexSpec)}`);
  });

  it('reads a range of a scalar field from its index', async () => {
    const plan = await store.explainFind('queue', { createdAt: { $gte: 1_700_005_990 } });
    expect(plan).toMatch(new RegExp(`Index Scan using ${index(INDEXES[1] as IndexSpec)}`));
    expect(plan).not.toContain('Seq Scan');
  });

  it('reads a filtered, sorted queue page from the compound index without sorting, before and after a cursor', async () => {
    const compound = index(INDEXES[2] as IndexSpec);
    const filter = { status: 'open', priority: 'high' };
    for (const sort of [{ due: 1 }, { due: -1 }] as const) {
      const first = await store.find('queue', filter, { sort, limit: 20 });
      expect(first.nextCursor).not.toBeNull();
      for (const cursor of [undefined, first.nextCursor ?? undefined]) {
        const plan = await store.explainFind('queue', filter, { sort, limit: 20, cursor });
        expect(plan).toMatch(new RegExp(`Index Scan (Backward )?using ${compound}`));
        expect(plan).not.toContain('Sort');
      }
    }
  });

  it('finds array field matches through the GIN index, not a scan', async () => {
    const gin = index(INDEXES[3] as IndexSpec);
    for (const filter of [{ tags: 't7' }, { tags: { $in: ['t7', 't8'] } }]) {
      const plan = await store.explainFind('queue', filter, { sort: { createdAt: -1 } });
      expect(plan).toContain(`Bitmap Index Scan on ${gin}`);
      expect(plan).not.toContain('Seq Scan');
    }
  });

  it('looks ids up by the primary key', async () => {
    const plan = await store.explainFind('queue', { _id: { $in: ['t-00001', 't-00002'] } });
    expect(plan).toContain('Index Scan using doc_queue__pk');
  });

  it('uses the indexes in a process that never declared them (from the catalog)', async () => {
    const reader = await PostgresDocumentStore.connect({ connectionString: url, schema });
    try {
      expect(await reader.explainFind('queue', { tags: 't3' })).toContain(
        `Bitmap Index Scan on ${index(INDEXES[3] as IndexSpec)}`,
      );
      const page = await reader.explainFind(
        'queue',
        { status: 'open', priority: 'low' },
        { sort: { due: 1 }, limit: 20 },
      );
      expect(page).toContain(`Index Scan using ${index(INDEXES[2] as IndexSpec)}`);
    } finally {
      await reader.close();
    }
  });
});
