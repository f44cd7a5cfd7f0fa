import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { CollectionSpec, Document } from '@crm/documents';
import { PostgresDocumentStore } from '@crm/documents';
import { seededRandom } from '../lib/rng';
import { latency, median, nowMs, round } from '../lib/stats';
import type { Workload } from '../lib/workload';
import { fmtRate, perSecond, reportSkipped, rotated } from '../lib/workload';

const BATCH = 500;
const ROUNDS = 3;
const SPEC: CollectionSpec = {
  name: 'profiles',
  indexes: [
    { field: 'email', unique: true },
    { field: 'lastOrderAt' },
    { fields: ['segment', 'status', 'value'] },
    { field: 'tags', array: true },
  ],
};
const SEGMENTS = ['champions', 'loyal', 'at_risk', 'hibernating', 'new'];

/** A customer-profile-like read model document of about 1 kB. */
const profiles = (n: number, seed: number): Document[] => {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => ({
    _id: `c-${String(i).padStart(7, '0')}`,
    email: `customer${i}@example.com`,
    name: `Customer ${i}`,
    status: random() < 0.9 ? 'active' : 'forgotten',
    segment: SEGMENTS[Math.floor(random() * SEGMENTS.length)],
    value: Math.floor(random() * 1_000_000),
    lastOrderAt: new Date(1_700_000_000_000 + Math.floor(random() * 3e10)).toISOString(),
    tags: [`t${Math.floor(random() * 40)}`, `t${Math.floor(random() * 40)}`],
    orderCount: Math.floor(random() * 30),
    notes: Array.from({ length: 4 }, (_, k) => ({ noteId: `n${k}`, text: 'x'.repeat(120) })),
  }));
};

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * The PostgreSQL document store's two hot paths: a projector committing batches of 500
 * documents with its checkpoint (expected position checked in the transaction), and the
 * queue-page query a compound index answers. Baseline: the same statements written by hand on
 * one connection (same table, indexes and transaction shape), so the ratio is the adapter's
 * own overhead. Needs a PostgreSQL server (POSTGRES_URL, default 127.0.0.1:5432/test).
 */
export const pgDocumentsWorkload: Workload = async (context) => {
  const url = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const probe = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await probe.connect();
  } catch (error) {
    reportSkipped(`no PostgreSQL at ${url.replace(/\/\/[^@/]*@/, '//')}: ${String(error)}`);
    return [];
  }
  const n = context.quick ? 10_000 : 100_000;
  const documents = profiles(n, 11);
  const schemas: string[] = [];
  const freshSchema = () => {
    const schema = `bench_docs_${randomBytes(4).toString('hex')}`;
    schemas.push(schema);
    return schema;
  };

  const commitsOurs = async (): Promise<number> => {
    const store = await PostgresDocumentStore.connect({
      connectionString: url,
      schema: freshSchema(),
    });
    await store.ensureCollection(SPEC);
    const started = nowMs();
    let expected: number | null = null;
    for (let i = 0; i < n; i += BATCH) {
      await store.commit({
        writes: documents
          .slice(i, i + BATCH)
          .map((document) => ({ kind: 'put', collection: 'profiles', document })),
        checkpoint: { name: 'bench', position: i + BATCH, expected },
      });
      expected = i + BATCH;
    }
    const ms = nowMs() - started;
    await store.close();
    return ms;
  };

  const commitsRaw = async (): Promise<number> => {
    const schema = freshSchema();
    // Same tables and indexes as ours: let the store create them, then write by hand.
    const setup = await PostgresDocumentStore.connect({ connectionString: url, schema });
    await setup.ensureCollection(SPEC);
    await setup.close();
    const client = new Client({ connectionString: url });
    await client.connect();
    const table = `${quote(schema)}.doc_profiles`;
    const started = nowMs();
    let expected: number | null = null;
    for (let i = 0; i < n; i += BATCH) {
      await client.query('BEGIN');
      const moved =
        expected === null
          ? await client.query(
              `INSERT INTO ${quote(schema)}.checkpoints (name, position) VALUES ('bench', $1) ON CONFLICT DO NOTHING`,
              [i + BATCH],
            )
          : await client.query(
              `UPDATE ${quote(schema)}.checkpoints SET position = $1 WHERE name = 'bench' AND position = $2`,
              [i + BATCH, expected],
            );
      if (moved.rowCount !== 1) throw new Error('checkpoint moved');
      await client.query(
        `INSERT INTO ${table} (id, body) SELECT d->>'_id', d FROM jsonb_array_elements($1::jsonb) AS a(d)
         ON CONFLICT (id) DO UPDATE SET body = excluded.body`,
        [JSON.stringify(documents.slice(i, i + BATCH))],
      );
      await client.query('COMMIT');
      expected = i + BATCH;
    }
    const ms = nowMs() - started;
    await client.end();
    return ms;
  };

  try {
    const times: Record<'ours' | 'raw', number[]> = { ours: [], raw: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const variant of rotated(['ours', 'raw'] as const, round)) {
        global.gc?.();
        const ms = variant === 'ours' ? await commitsOurs() : await commitsRaw();
        times[variant].push(ms);
        context.log(`${variant} commits: ${Math.round(ms)} ms`);
      }
    }

    // Queue pages on the last schema ours wrote: compound index, sorted, 50 per page.
    const schema = schemas.find((_, i) => i % 2 === 0) ?? '';
    const store = await PostgresDocumentStore.connect({ connectionString: url, schema });
    await probe.query(`ANALYZE ${quote(schema)}.doc_profiles`);
    const random = seededRandom(5);
    const samples: number[] = [];
    const rawSamples: number[] = [];
    const table = `${quote(schema)}.doc_profiles`;
    for (let i = 0; i < (context.quick ? 300 : 1000); i += 1) {
      const segment = SEGMENTS[Math.floor(random() * SEGMENTS.length)] ?? 'new';
      let started = nowMs();
      await store.find(
        'profiles',
        { segment, status: 'active' },
        { sort: { value: -1 }, limit: 50 },
      );
      samples.push(nowMs() - started);
      started = nowMs();
      const { rows } = await probe.query<{ body: Document }>(
        `SELECT body FROM ${table} WHERE (body->'segment') = $1::jsonb AND (body->'status') = '"active"'::jsonb
         ORDER BY (body->'value') DESC NULLS LAST, id DESC LIMIT 51`,
        [JSON.stringify(segment)],
      );
      if (rows.length === 0) throw new Error('empty page');
      rawSamples.push(nowMs() - started);
    }
    await store.close();

    const ours = perSecond(n, median(times.ours));
    const raw = perSecond(n, median(times.raw));
    const page = latency(samples);
    const rawPage = latency(rawSamples);
    return [
      {
        workload: `PostgreSQL document store: ${n.toLocaleString('en-US')} ~1 kB profiles (4 indexes: unique, scalar, compound, GIN array) committed in batches of ${BATCH} with the checkpoint`,
        setting: 'PostgreSQL 127.0.0.1, default durability',
        ours: `${fmtRate(ours, 'documents/s')} (median of ${ROUNDS})`,
        baseline: `the same statements by hand on one connection: ${fmtRate(raw, 'documents/s')}`,
        ratio: round(ours / raw, 2),
        target: '≥ 0.8× hand-written',
        met: ours / raw >= 0.8,
        details: { oursMs: times.ours, rawMs: times.raw },
      },
      {
        workload: `PostgreSQL document store: queue page (2 equalities + sort on a compound index, 50 of ${n.toLocaleString('en-US')})`,
        setting: 'PostgreSQL 127.0.0.1, warm',
        ours: `p50 ${page.p50} ms, p99 ${page.p99} ms`,
        baseline: `the same SELECT by hand: p50 ${rawPage.p50} ms, p99 ${rawPage.p99} ms`,
        ratio: round(rawPage.p50 / page.p50, 2),
        target: '≥ 0.5× hand-written (p50)',
        met: rawPage.p50 / page.p50 >= 0.5,
      },
    ];
  } finally {
    for (const schema of schemas)
      await probe.query(`DROP SCHEMA IF EXISTS ${quote(schema)} CASCADE`);
    await probe.end();
  }
};
