import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/** Another process holding the write lock of a store file: the "file locked" outage. */
const lockFile = (path: string): { release: () => void } => {
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  db.exec('BEGIN EXCLUSIVE');
  return {
    release: () => {
      db.exec('ROLLBACK');
      db.close();
    },
  };
};

const eventCount = (t: TestApp): number => {
  const db = new Database(join(t.dataDir, 'events.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('store outages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SQLITE_BUSY_TIMEOUT_MS: '200', READ_WAIT_TIMEOUT_MS: '500' });
  });
  afterAll(() => t.close());

  it('answers commands 503 with Retry-After while the event store is locked, writes nothing, and recovers', async () => {
    const before = eventCount(t);
    const lock = lockFile(join(t.dataDir, 'events.sqlite'));
    try {
      const refused = await t.request('POST', '/customers', {
        body: { name: 'Locked Out', email: 'locked@example.com' },
      });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(refused.body).toMatchObject({
        statusCode: 503,
        message: expect.stringMatching(/unavailable/),
      });
      const ready = await t.request('GET', '/health/ready'); // detail: admin key
      expect(ready.status).toBe(503);
      expect(ready.body.health.error.eventStore.status).toBe('down');
    } finally {
      lock.release();
    }
    expect(eventCount(t)).toBe(before);
    const accepted = await t.request('POST', '/customers', {
      body: { name: 'Locked Out', email: 'locked@example.com' },
    });
    expect(accepted.status).toBe(201);
    expect((await t.request('GET', '/health/ready', { key: null })).status).toBe(200);
  });

  it('pauses the projectors while the document store is locked and catches up when it returns', async () => {
    const customer = await t.request('POST', '/customers', {
      body: { name: 'Doc Outage', email: 'docs@example.com' },
    });
    const lock = lockFile(join(t.dataDir, 'documents.sqlite'));
    let created: { id: string; position: number };
    try {
      // The event store is fine: commands that need no read model still land.
      const response = await t.request('POST', `/customers/${customer.body.id}/notes`, {
        body: { text: 'still here' },
      });
      expect(response.status).toBe(200);
      created = response.body;
      const read = await t.request(
        'GET',
        `/customers/${created.id}?minPosition=${created.position}`,
      );
      expect(read.status).toBe(503);
      expect(read.headers.get('retry-after')).toBe('1');
      const ready = await t.request('GET', '/health/ready'); // detail: admin key
      expect(ready.status).toBe(503);
      expect(ready.body.health.error.documentStore.status).toBe('down');
    } finally {
      lock.release();
    }
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await t.request('GET', `/customers/${created.id}?minPosition=${created.position}`))
        .status;
      if (status === 200) break;
    }
    expect(status).toBe(200);
    expect((await t.request('GET', '/health/ready', { key: null })).status).toBe(200);
  });
});
