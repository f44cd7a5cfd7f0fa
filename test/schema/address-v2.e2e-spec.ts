import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPiiProtection } from '@crm/composition';
import { customerStreamId } from '@crm/customers';
import { aNewEvent } from '@crm/eventsourcing/testing';
import { createStores, loadConfig } from '@crm/platform';
import { EncryptingEventStore } from '@crm/security/pii';
import { TEST_ADMIN_KEY, startTestApp } from '../support/test-app';

const customerId = '5f0c2b9e-8a1d-4c3e-9b7f-2d6e4a1c8b30';

/** What the version-1 code wrote: the address as one line, sealed like all personal data. */
const writeVersion1History = async (dataDir: string): Promise<void> => {
  const stores = await createStores(
    loadConfig({ CRM_DATA_DIR: dataDir, CRM_ADMIN_KEY: TEST_ADMIN_KEY }),
  );
  const hasher = stores.hasher;
  const events = new EncryptingEventStore(stores.events, createPiiProtection(stores.dataKeys));
  const v1 = { schemaVersion: 1, customerId };
  await events.append(
    customerStreamId(customerId),
    [
      aNewEvent({
        type: 'CustomerCreated',
        data: {
          customerId,
          name: 'Victoria Legacy',
          email: 'victoria@legacy.example',
          phone: null,
          address: '10 Downing Street, London SW1A 2AA',
          tags: ['legacy'],
          emailHash: hasher.hash('email', 'victoria@legacy.example'),
          nameHashes: ['victoria', 'legacy'].map((w) => hasher.hash('name', w)),
        },
        metadata: v1,
      }),
      aNewEvent({
        type: 'CustomerContactUpdated',
        data: { customerId, address: '11 Downing Street, London SW1A 2AB' },
        metadata: v1,
      }),
    ],
    'no_stream',
  );
  await stores.events.close();
  await stores.documents.close();
};

const storedRows = (dataDir: string) => {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT position, schema_version, data FROM events ORDER BY position').all();
  } finally {
    db.close();
  }
};

describe('schema evolution: the structured address (v2) over stored v1 events', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-schema-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reads v1 events as v2 in the projections, the history and state-at, without rewriting them', async () => {
    await writeVersion1History(dataDir);
    const before = storedRows(dataDir);
    const t = await startTestApp({}, { dataDir });
    try {
      const auditor = await t.keyFor('auditor');
      const expected = {
        street: '11 Downing Street, London SW1A 2AB',
        city: null,
        postalCode: null,
        country: null,
      };

      const profile = await t.request('GET', `/customers/${customerId}?minPosition=2`);
      expect(profile.body).toMatchObject({ name: 'Victoria Legacy', address: expected });

      const history = await t.request('GET', `/customers/${customerId}/history`, { key: auditor });
      expect(
        history.body.events.map(
          (e: { metadata: { schemaVersion: number } }) => e.metadata.schemaVersion,
        ),
      ).toEqual([2, 2]);
      expect(history.body.events[0].data.address).toEqual({
        ...expected,
        street: '10 Downing Street, London SW1A 2AA',
      });
      // Events from before the blind indexes were sealed carry them plain: never shown (ADR 18).
      expect(JSON.stringify(history.body)).not.toMatch(/"(emailHash|nameHashes|phoneHash)"/);
      expect(JSON.stringify(profile.body)).not.toMatch(/"(emailHash|searchHashes|phoneHash)"/);

      const state = await t.request('GET', `/customers/${customerId}/state?at=1`, { key: auditor });
      expect(state.body.profile.address).toEqual({
        ...expected,
        street: '10 Downing Street, London SW1A 2AA',
      });

      // The write side folds v1 events too: the same address again is no change, a new one is v2.
      const same = await t.request('PATCH', `/customers/${customerId}`, {
        body: { name: 'Victoria Legacy' },
      });
      expect(same.body.streamRevision).toBe(1);
      const moved = await t.request('PATCH', `/customers/${customerId}`, {
        body: {
          address: {
            street: '1 Horse Guards Road',
            city: 'London',
            postalCode: 'SW1A 2HQ',
            country: 'GB',
          },
        },
      });
      expect(moved.body.streamRevision).toBe(2);
      const after = await t.request(
        'GET',
        `/customers/${customerId}?minPosition=${moved.body.position}`,
      );
      expect(after.body.address).toEqual({
        street: '1 Horse Guards Road',
        city: 'London',
        postalCode: 'SW1A 2HQ',
        country: 'GB',
      });

      const rows = storedRows(dataDir) as { schema_version: number }[];
      expect(rows.slice(0, 2)).toEqual(before);
      expect(rows.map((r) => r.schema_version)).toEqual([1, 1, 2]);
    } finally {
      await t.close({ keepData: true });
    }
  });
});
