import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const MASTER_KEY = 'a'.repeat(64);

/** A cursor in the shape the service used to accept unsigned: values went into the filter. */
const forged = (values: unknown[]): string =>
  Buffer.from(JSON.stringify({ values, id: 'x' })).toString('base64url');

const OPERATOR_VALUES: [string, unknown][] = [
  ['a catastrophic $regex', { $regex: '^(.*)*Q' }],
  ['$where', { $where: 'sleep(1000)' }],
  ['$function', { $function: { body: 'return true', args: [], lang: 'js' } }],
  ['$jsonSchema', { $jsonSchema: { type: 'object' } }],
  ['an unknown operator', { $bogus: 1 }],
  ['$ne, which paged everything', { $ne: null }],
];

describe('page cursors and list filters are not a query language', () => {
  let t: TestApp;
  let analyst: string;
  let last = 0;

  beforeAll(async () => {
    t = await startTestApp({ CRM_MASTER_KEY: MASTER_KEY });
    const service = await t.keyFor('service');
    analyst = await t.keyFor('analyst');
    for (const name of ['Ada Lovelace', 'Grace Hopper', 'Edsger Dijkstra']) {
      const email = `${name.split(' ')[0]?.toLowerCase()}@example.com`;
      const created = await t.request('POST', '/customers', {
        key: service,
        body: { name, email },
      });
      expect(created.status).toBe(201);
      last = created.body.position as number;
    }
    const caughtUp = await t.request('GET', `/customers?minPosition=${last}`, { key: analyst });
    expect(caughtUp.body.items).toHaveLength(3);
  });
  afterAll(() => t?.close());

  const listAll = async (key: string): Promise<string[]> => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await t.request('GET', `/customers?limit=1${query}`, { key });
      expect(page.status).toBe(200);
      ids.push(...(page.body.items as { customerId: string }[]).map((item) => item.customerId));
      cursor = page.body.nextCursor as string | null;
      pages += 1;
    } while (cursor && pages < 10);
    return ids;
  };

  it('pages through every customer with the cursors it issues', async () => {
    const ids = await listAll(analyst);
    expect(new Set(ids).size).toBe(3);
  });

  it.each(OPERATOR_VALUES)(
    'refuses a forged cursor carrying %s with a 400 naming the cursor',
    async (_, operator) => {
      for (const path of ['/customers', '/tickets', '/orders']) {
        const cursor = encodeURIComponent(forged([operator, operator]));
        const response = await t.request('GET', `${path}?limit=1&cursor=${cursor}`, {
          key: analyst,
        });
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({
          statusCode: 400,
          error: 'Bad Request',
          details: [expect.objectContaining({ field: 'cursor', rule: 'isCursor' })],
        });
      }
    },
  );

  it('refuses an issued cursor whose payload was edited', async () => {
    const first = await t.request('GET', '/customers?limit=1', { key: analyst });
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const [payload = '', tag = ''] = String(first.body.nextCursor).split('.');
    const state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const edited = Buffer.from(JSON.stringify({ ...state, values: [{ $ne: null }, state.id] }));
    const cursor = encodeURIComponent(`${edited.toString('base64url')}.${tag}`);
    const response = await t.request('GET', `/customers?limit=1&cursor=${cursor}`, {
      key: analyst,
    });
    expect(response.status).toBe(400);
  });

  it.each([
    ['/customers?tag[$ne]=x'],
    ['/customers?tag=vip&tag=new'],
    ['/customers?q[$regex]=.*'],
    ['/customers?q=a&q=b'],
    ['/customers?segment[$gt]='],
    ['/customers?segment=champions&segment=loyal'],
    ['/tickets?status[$ne]=open'],
    ['/tickets?status=open&status=closed'],
    ['/tickets?customerId[$ne]=x'],
    ['/orders?status[$ne]=paid'],
    ['/orders?customerId=a&customerId=b'],
  ])('refuses operator-shaped or repeated filter parameters: %s', async (path) => {
    const response = await t.request('GET', path, { key: analyst });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('accepts its cursors after a restart and in another process of the deployment', async () => {
    const first = await t.request('GET', '/customers?limit=1', { key: analyst });
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const cursor = encodeURIComponent(String(first.body.nextCursor));
    const other = await startTestApp({ CRM_MASTER_KEY: MASTER_KEY });
    try {
      const otherAnalyst = await other.keyFor('analyst');
      const onOther = await other.request('GET', `/customers?limit=1&cursor=${cursor}`, {
        key: otherAnalyst,
      });
      // Same master key: the signature checks (the other data folder simply holds no customers).
      expect(onOther.status).toBe(200);
    } finally {
      await other.close();
    }
    const elsewhere = await startTestApp({ CRM_MASTER_KEY: 'b'.repeat(64) });
    try {
      const response = await elsewhere.request('GET', `/customers?limit=1&cursor=${cursor}`);
      expect(response.status).toBe(400);
    } finally {
      await elsewhere.close();
    }
  });
});
