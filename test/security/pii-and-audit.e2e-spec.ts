import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PiiHasher, loadMasterKey } from '@crm/security/pii';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const PII = {
  name: 'Zoltan Quixotic-Pemberton',
  email: 'zoltan.quixotic@pemberton-mail.example',
  phone: '+447700900123',
  street: '221B Baker Street',
  note: 'Allergic to marmalade, call after 6pm',
  description: 'My blender exploded during the demonstration',
};

/** Every byte of every SQLite file (and its WAL) in the data folder. */
const dataFolderBytes = (dataDir: string): Buffer =>
  Buffer.concat(
    readdirSync(dataDir)
      .filter((file) => /\.sqlite(-wal)?$/.test(file))
      .map((file) => readFileSync(join(dataDir, file))),
  );

/** Any blind-index field (`emailHash`, `nameHashes`, `phoneHash`, `searchHashes`) in a body. */
const LOOKUP_INDEX_KEY = /"\w*Hash(es)?":/;

describe('personal data, forgetting and audit', () => {
  let t: TestApp;
  let service: string;
  let auditor: string;
  let analyst: string;
  let customerId: string;
  let ticketId: string;
  let lastPosition: number;

  beforeAll(async () => {
    t = await startTestApp();
    [service, auditor, analyst] = await Promise.all([
      t.keyFor('service'),
      t.keyFor('auditor'),
      t.keyFor('analyst'),
    ]);
    const created = await t.request('POST', '/customers', {
      key: service,
      headers: { 'x-correlation-id': 'signup-flow-42' },
      body: {
        name: PII.name,
        email: PII.email,
        phone: PII.phone,
        address: { street: PII.street, city: 'London', postalCode: 'NW1 6XE', country: 'GB' },
        tags: ['vip'],
      },
    });
    customerId = created.body.id;
    await t.request('POST', `/customers/${customerId}/notes`, {
      key: service,
      body: { text: PII.note },
    });
    const ticket = await t.request('POST', '/tickets', {
      key: service,
      body: {
        customerId,
        subject: 'Broken blender',
        description: PII.description,
        category: 'product',
        channel: 'email',
        priority: 'high',
      },
    });
    expect(ticket.status).toBe(201);
    ticketId = ticket.body.id;
    await t.request('POST', `/tickets/${ticketId}/resolve`, {
      key: service,
      body: { resolution: 'Replaced the blender' },
    });
    const rated = await t.request('POST', `/tickets/${ticketId}/satisfaction`, {
      key: service,
      body: { score: 4 },
    });
    expect(rated.status).toBe(200);
    lastPosition = rated.body.position;
  });
  afterAll(() => t.close());

  it('stores no plaintext name, email, phone, address or free text in any SQLite file', async () => {
    await t.request('GET', `/customers/${customerId}?minPosition=${lastPosition}`, {
      key: service,
    });
    const bytes = dataFolderBytes(t.dataDir);
    expect(bytes.length).toBeGreaterThan(0);
    for (const value of Object.values(PII)) {
      expect(bytes.includes(Buffer.from(value))).toBe(false);
      expect(bytes.includes(Buffer.from(value.toLowerCase()))).toBe(false);
    }
  });

  it('seals the blind indexes in the log and shows them to no one', async () => {
    const hasher = new PiiHasher(loadMasterKey(undefined, t.config.keyDir).key);
    const events = readFileSync(join(t.dataDir, 'events.sqlite'));
    for (const [kind, value] of [
      ['email', PII.email],
      ['phone', PII.phone],
      ['name', 'zoltan'],
    ] as const) {
      expect([kind, events.includes(Buffer.from(hasher.hash(kind, value)))]).toEqual([kind, false]);
    }
    const bodies = await Promise.all([
      t.request('GET', `/customers/${customerId}?minPosition=${lastPosition}`, { key: analyst }),
      t.request('GET', `/customers/${customerId}`, { key: service }),
      t.request('GET', '/customers?q=zoltan', { key: analyst }),
      t.request('GET', `/customers/${customerId}/history`, { key: auditor }),
      t.request('GET', `/customers/${customerId}/state?at=${lastPosition}`, { key: auditor }),
    ]);
    for (const body of bodies.map((response) => JSON.stringify(response.body)))
      expect(body).not.toMatch(LOOKUP_INDEX_KEY);
  });

  it('serves the personal data decrypted to services and masked to analysts', async () => {
    const asService = await t.request(
      'GET',
      `/customers/${customerId}?minPosition=${lastPosition}`,
      { key: service },
    );
    expect(asService.body).toMatchObject({
      name: PII.name,
      email: PII.email,
      phone: PII.phone,
      address: { street: PII.street, city: 'London', postalCode: 'NW1 6XE', country: 'GB' },
    });
    const asAnalyst = await t.request('GET', `/customers/${customerId}`, { key: analyst });
    expect(asAnalyst.body).toMatchObject({
      name: 'Z*** Q***',
      email: 'z***@p***.example',
      phone: '+44********23',
    });
    expect(JSON.stringify(asAnalyst.body)).not.toContain(PII.note);
  });

  it('finds the customer by email and by a word of the name through blind indexes', async () => {
    const byEmail = await t.request(
      'GET',
      `/customers?q=${encodeURIComponent(PII.email.toUpperCase())}`,
      { key: service },
    );
    expect(byEmail.body.items.map((c: { customerId: string }) => c.customerId)).toEqual([
      customerId,
    ]);
    const byName = await t.request('GET', '/customers?q=quixotic-pemberton', { key: service });
    expect(byName.body.items).toHaveLength(1);
  });

  it('gives auditors every event about the customer, in order, decrypted, with who, when and why', async () => {
    const history = await t.request('GET', `/customers/${customerId}/history`, { key: auditor });
    expect(history.status).toBe(200);
    const types = history.body.events.map((e: { type: string }) => e.type);
    expect(types.slice(0, 3)).toEqual(['CustomerCreated', 'CustomerNoteAdded', 'TicketOpened']);
    expect(types).toContain('SatisfactionRated');
    const positions = history.body.events.map((e: { position: number }) => e.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const [first] = history.body.events;
    expect(first.data).toMatchObject({ name: PII.name, email: PII.email });
    expect(first.metadata).toMatchObject({
      correlationId: 'signup-flow-42',
      actor: { role: 'service', id: expect.any(String) },
      commandId: expect.any(String),
      occurredAt: expect.any(String),
      customerId,
    });
  });

  it('pages the history with a cursor', async () => {
    const first = await t.request('GET', `/customers/${customerId}/history?limit=2`, {
      key: auditor,
    });
    const second = await t.request(
      'GET',
      `/customers/${customerId}/history?limit=2&cursor=${first.body.nextCursor}`,
      { key: auditor },
    );
    expect(first.body.events).toHaveLength(2);
    expect(second.body.events[0].position).toBeGreaterThan(first.body.events[1].position);
  });

  it('answers state-at by position and by time', async () => {
    const history = await t.request('GET', `/customers/${customerId}/history`, { key: auditor });
    const created = history.body.events[0];
    const atCreation = await t.request(
      'GET',
      `/customers/${customerId}/state?at=${created.position}`,
      { key: auditor },
    );
    expect(atCreation.status).toBe(200);
    expect(atCreation.body.profile).toMatchObject({ name: PII.name, noteCount: 0 });
    expect(atCreation.body.openTickets).toEqual([]);
    const now = await t.request(
      'GET',
      `/customers/${customerId}/state?at=${encodeURIComponent(new Date().toISOString())}`,
      { key: auditor },
    );
    expect(now.body.profile).toMatchObject({ noteCount: 1 });
    expect(now.body.openTickets).toHaveLength(1);
    expect(now.body.openTickets[0]).toMatchObject({
      ticketId,
      status: 'resolved',
      description: PII.description,
    });
    const before = await t.request(
      'GET',
      `/customers/${customerId}/state?at=2000-01-01T00:00:00Z`,
      { key: auditor },
    );
    expect(before.status).toBe(404);
    const bad = await t.request('GET', `/customers/${customerId}/state?at=yesterday`, {
      key: auditor,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'at', rule: 'matches' });
  });

  describe('after the customer is forgotten', () => {
    let satisfactionBefore: unknown;
    beforeAll(async () => {
      satisfactionBefore = (
        await t.request('GET', `/analytics/satisfaction?minPosition=${lastPosition}`, {
          key: analyst,
        })
      ).body;
      const forgotten = await t.request('POST', `/customers/${customerId}/forget`);
      expect(forgotten.status).toBe(200);
      lastPosition = forgotten.body.position;
    });

    it('shows every personal field as erased in the profile, keeping non-personal facts', async () => {
      const profile = await t.request(
        'GET',
        `/customers/${customerId}?minPosition=${lastPosition}`,
        { key: service },
      );
      expect(profile.body).toMatchObject({
        status: 'forgotten',
        name: '[erased]',
        email: '[erased]',
        phone: '[erased]',
        address: '[erased]',
        tags: ['vip'],
      });
      expect(profile.body.notes[0].text).toBe('[erased]');
    });

    it('erases the personal data in the history and state-at too', async () => {
      const history = await t.request('GET', `/customers/${customerId}/history`, { key: auditor });
      const text = JSON.stringify(history.body);
      for (const value of Object.values(PII)) expect(text).not.toContain(value);
      expect(history.body.events[0].data).toMatchObject({
        name: '[erased]',
        email: '[erased]',
        tags: ['vip'],
      });
      expect(history.body.events.at(-1).type).toBe('CustomerForgotten');
      const state = await t.request('GET', `/customers/${customerId}/state?at=${lastPosition}`, {
        key: auditor,
      });
      expect(JSON.stringify(state.body)).not.toContain(PII.description);
    });

    it('erases the ticket text but keeps the rating, so analytics do not change', async () => {
      const ticket = await t.request('GET', `/tickets/${ticketId}?minPosition=${lastPosition}`, {
        key: service,
      });
      expect(ticket.body.description).toBe('[erased]');
      expect(ticket.body.category).toBe('product');
      const satisfaction = await t.request('GET', '/analytics/satisfaction', { key: analyst });
      expect(satisfaction.body).toEqual(satisfactionBefore);
    });

    it('leaves no blind index of theirs in the log, the read models, history or state-at', async () => {
      const hasher = new PiiHasher(loadMasterKey(undefined, t.config.keyDir).key);
      const hashes = [
        hasher.hash('email', PII.email),
        hasher.hash('phone', PII.phone),
        hasher.hash('name', 'zoltan'),
      ];
      await t.request('GET', `/customers/${customerId}?minPosition=${lastPosition}`);
      const bytes = dataFolderBytes(t.dataDir);
      for (const hash of hashes) expect(bytes.includes(Buffer.from(hash))).toBe(false);
      const history = await t.request('GET', `/customers/${customerId}/history`, {
        key: auditor,
      });
      const state = await t.request('GET', `/customers/${customerId}/state?at=${lastPosition}`, {
        key: auditor,
      });
      for (const body of [history.body, state.body]) {
        expect(JSON.stringify(body)).not.toMatch(LOOKUP_INDEX_KEY);
        for (const hash of hashes) expect(JSON.stringify(body)).not.toContain(hash);
      }
      const search = await t.request('GET', `/customers?q=${encodeURIComponent(PII.email)}`, {
        key: service,
      });
      expect(search.body.items.map((c: { customerId: string }) => c.customerId)).not.toContain(
        customerId,
      );
    });

    it('refuses further commands with a clear conflict', async () => {
      const note = await t.request('POST', `/customers/${customerId}/notes`, {
        key: service,
        body: { text: 'again' },
      });
      expect(note.status).toBe(409);
      expect(note.body.code).toBe('CUSTOMER_FORGOTTEN');
    });

    it('frees the email for a new customer', async () => {
      const again = await t.request('POST', '/customers', {
        key: service,
        body: { name: 'New Person', email: PII.email },
      });
      expect(again.status).toBe(201);
    });

    it('answers 404 when forgetting a customer that never existed', async () => {
      const missing = await t.request(
        'POST',
        '/customers/00000000-0000-4000-8000-000000000001/forget',
      );
      expect(missing.status).toBe(404);
    });
  });
});
