import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../../apps/crm-cli/src/cli';
import { startTestApp } from '../support/test-app';
import { contractFetch } from '../support/openapi-contract';

const runCli = async (dataDir: string, args: string[]): Promise<string[]> => {
  const lines: string[] = [];
  await buildCli({ CRM_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, (line) =>
    lines.push(line),
  ).parseAsync(['node', 'crm-cli', ...args]);
  return lines;
};

const eventCount = (dataDir: string): number => {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

const csv = (rows: string[]): string =>
  ['name,email,phone,street,city,postalCode,country,tags', ...rows].join('\n');

describe('bulk import', () => {
  const root = mkdtempSync(join(tmpdir(), 'crm-import-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('imports valid rows, reports each rejected line with field and rule, and adds nothing on a re-run', async () => {
    const dataDir = join(root, 'cli');
    const file = join(root, 'customers.csv');
    writeFileSync(
      file,
      csv([
        'Ada Lovelace,ada@import.example,+442071234567,12 St James Square,London,SW1Y 4LB,GB,vip;newsletter',
        'Bad Email,not-an-email,,,,,,',
        'Grace Hopper,grace@import.example,,,,,,',
        'Dup Ada,ADA@import.example,,,,,,',
        ',noname@import.example,,,,,,',
        'Bad Phone,phone@import.example,12ab,,,,,',
        'Bad Country,country@import.example,,1 Road,Paris,,France,',
      ]),
    );
    const app = await startTestApp({}, { dataDir });
    await app.close({ keepData: true });

    const first = await runCli(dataDir, ['import', 'customers', file]);
    expect(first[0]).toMatch(/7 rows in .* 2 imported, 0 already imported, 5 rejected/);
    const rejected = first.slice(1).join('\n');
    expect(rejected).toContain('line 3: email (isEmail)');
    expect(rejected).toContain('line 5: email (unique) email already on line 2');
    expect(rejected).toMatch(/line 6: name \(\w+\)/);
    expect(rejected).toContain('line 7: phone (matches)');
    expect(rejected).toContain('line 8: address.country (matches)');
    const afterFirst = eventCount(dataDir);

    const again = await runCli(dataDir, ['import', 'customers', file]);
    expect(again[0]).toMatch(/0 imported, 2 already imported, 5 rejected/);
    expect(eventCount(dataDir)).toBe(afterFirst);

    const check = await startTestApp({}, { dataDir });
    const found = await check.request('GET', '/customers?q=ada%40import.example&minPosition=2');
    expect(found.body.items[0]).toMatchObject({
      name: 'Ada Lovelace',
      tags: ['vip', 'newsletter'],
      address: {
        street: '12 St James Square',
        city: 'London',
        postalCode: 'SW1Y 4LB',
        country: 'GB',
      },
    });
    await check.close({ keepData: true });
  });

  it('checks a large file on a worker thread with the same report, and a re-run adds nothing', async () => {
    const dataDir = join(root, 'large');
    const file = join(root, 'large.csv');
    const rows = Array.from(
      { length: 4000 },
      (_, i) =>
        `Person Number ${i},person.${i}@large-import.example,+44${7_000_000_000 + i},${i} Long Street,London,SW1 ${i},GB,vip;trial`,
    );
    rows[99] = 'Bad Email,not-an-email,,,,,,';
    rows[2500] = `Dup,PERSON.7@large-import.example,,,,,,`;
    writeFileSync(file, csv(rows));
    expect(statSync(file).size).toBeGreaterThan(256 * 1024);

    const first = await runCli(dataDir, ['import', 'customers', file]);
    expect(first[0]).toMatch(/4000 rows in .* 3998 imported, 0 already imported, 2 rejected/);
    expect(first.slice(1)).toEqual([
      expect.stringMatching(/^line 101: email \(isEmail\)/),
      'line 2502: email (unique) email already on line 9',
    ]);
    expect(eventCount(dataDir)).toBe(3998);

    const again = await runCli(dataDir, ['import', 'customers', file]);
    expect(again[0]).toMatch(/0 imported, 3998 already imported, 2 rejected/);
    expect(eventCount(dataDir)).toBe(3998);
  }, 60_000);

  it('resumes an interrupted import without losing or doubling a row', async () => {
    const dataDir = join(root, 'resume');
    const rows = Array.from({ length: 300 }, (_, i) => `Person ${i},p${i}@resume.example,,,,,,`);
    const partial = join(root, 'partial.csv');
    const whole = join(root, 'whole.csv');
    writeFileSync(partial, csv(rows.slice(0, 120)));
    writeFileSync(whole, csv(rows));
    const app = await startTestApp({}, { dataDir });
    await app.close({ keepData: true });
    await runCli(dataDir, ['import', 'customers', partial]);
    const resumed = await runCli(dataDir, ['import', 'customers', whole]);
    expect(resumed[0]).toMatch(/300 rows .* 180 imported, 120 already imported, 0 rejected/);
    expect(eventCount(dataDir)).toBe(300);
  });

  it('imports a streamed upload over HTTP and answers 415 for other bodies', async () => {
    const t = await startTestApp();
    const service = await t.keyFor('service');
    const body = [
      '{"name":"Json One","email":"one@jsonl.example"}',
      'not json',
      '{"name":"Json Two","email":"two@jsonl.example","tags":["b2b"]}',
    ].join('\n');
    const response = await contractFetch(`${t.url}/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${service}`, 'content-type': 'application/x-ndjson' },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      rows: 3,
      imported: 2,
      rejected: 1,
      rejections: [{ line: 2, field: 'line', rule: 'isJson' }],
    });
    const wrong = await t.request('POST', '/imports', {
      key: service,
      raw: '<xml/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(wrong.status).toBe(415);
    await t.close();
  });
  it('imports customers with their order history: placed once, re-runs add nothing, a bad order rejects the whole row', async () => {
    const t = await startTestApp();
    const service = await t.keyFor('service');
    const analyst = await t.keyFor('analyst');
    const send = async (lines: unknown[]) => {
      const response = await contractFetch(`${t.url}/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${service}`, 'content-type': 'application/x-ndjson' },
        body: lines.map((line) => JSON.stringify(line)).join('\n'),
      });
      expect(response.status).toBe(200);
      return response.json() as Promise<Record<string, unknown>>;
    };
    const delivered = {
      ref: 'SO-1',
      currency: 'EUR',
      lines: [{ sku: 'BOOK', quantity: 2, unitPrice: 1250 }],
      placedAt: '2024-06-30T09:15:00Z',
      status: 'delivered',
    };
    const cancelled = { ...delivered, ref: 'SO-2', status: 'cancelled' };
    const rows = [
      { name: 'Order Ada', email: 'ada@orders.example', orders: [delivered, cancelled] },
      {
        name: 'Bad Order',
        email: 'bad@orders.example',
        orders: [{ ...delivered, lines: [{ sku: 'X', quantity: 0, unitPrice: 1 }] }],
      },
    ];

    const first = await send(rows);
    expect(first).toMatchObject({
      rows: 2,
      imported: 1,
      rejected: 1,
      rejections: [{ line: 2, field: 'orders.0.lines.0.quantity' }],
      related: { orders: { imported: 2, alreadyImported: 0, rejected: 0 } },
    });
    const again = await send(rows);
    expect(again).toMatchObject({
      imported: 0,
      alreadyImported: 1,
      related: { orders: { imported: 0, alreadyImported: 2, rejected: 0 } },
    });

    // Everything the import appended is at or before the log's head: read from there on.
    const head = (await t.request('GET', '/health/ready')).body.info.projections.head as number;
    const search = async (email: string) =>
      (
        await t.request('GET', `/customers?q=${encodeURIComponent(email)}&minPosition=${head}`, {
          key: analyst,
        })
      ).body.items as { customerId: string }[];
    expect(await search('bad@orders.example')).toHaveLength(0);
    const [ada] = await search('ada@orders.example');
    const orders = await t.request(
      'GET',
      `/orders?customerId=${ada?.customerId}&minPosition=${head}`,
      {
        key: analyst,
      },
    );
    expect((orders.body.items as { status: string }[]).map((order) => order.status).sort()).toEqual(
      ['cancelled', 'delivered'],
    );
    const profile = await t.request('GET', `/customers/${ada?.customerId}?minPosition=${head}`, {
      key: analyst,
    });
    // The history keeps its dates: value net of the cancelled order, first order in 2024.
    expect(profile.body.orders).toMatchObject({
      orderCount: 1,
      value: [{ amount: 2500, currency: 'EUR' }],
      firstOrderAt: '2024-06-30T09:15:00.000Z',
    });
    await t.close();
  });
  it('imports order history from a JSON-lines file with the CLI, once', async () => {
    const dataDir = join(root, 'cli-orders');
    const file = join(root, 'history.jsonl');
    const order = {
      ref: 'SO-9',
      currency: 'EUR',
      lines: [{ sku: 'PEN', quantity: 1, unitPrice: 99 }],
      placedAt: '2023-01-02T10:00:00Z',
      status: 'paid',
    };
    writeFileSync(
      file,
      JSON.stringify({ name: 'Cli Buyer', email: 'cli@orders.example', orders: [order] }),
    );
    const app = await startTestApp({}, { dataDir });
    await app.close({ keepData: true });

    const first = await runCli(dataDir, ['import', 'customers', file]);
    expect(first).toContain('orders: 1 imported, 0 already imported, 0 rejected');
    const afterFirst = eventCount(dataDir);
    const again = await runCli(dataDir, ['import', 'customers', file]);
    expect(again).toContain('orders: 0 imported, 1 already imported, 0 rejected');
    expect(eventCount(dataDir)).toBe(afterFirst);
  });
});
