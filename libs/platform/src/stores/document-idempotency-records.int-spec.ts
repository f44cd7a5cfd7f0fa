import { EmbeddedDocumentStore } from '@crm/documents';
import { DocumentIdempotencyRecords } from './document-idempotency-records';

const aRecord = (overrides: { fingerprint?: string; customerId?: string } = {}) => ({
  fingerprint: 'fp-1',
  result: { nextExpectedRevision: 3, position: 42 },
  ...overrides,
});

describe('DocumentIdempotencyRecords', () => {
  let documents: EmbeddedDocumentStore;
  let sut: DocumentIdempotencyRecords;
  beforeEach(() => {
    documents = new EmbeddedDocumentStore({ filename: ':memory:' });
    sut = new DocumentIdempotencyRecords(documents);
  });
  afterEach(() => documents.close());

  it('keeps the first record of a command id when a racing retry saves another', async () => {
    await sut.save('cmd-1', aRecord({ customerId: 'c-1' }));
    await sut.save('cmd-1', aRecord({ fingerprint: 'fp-2' }));

    expect(await sut.find('cmd-1')).toEqual(aRecord({ customerId: 'c-1' }));
    expect(await sut.find('cmd-2')).toBeNull();
  });

  it('drops every record of a forgotten customer and no one else’s', async () => {
    for (let i = 0; i < 3; i += 1) await sut.save(`ada-${i}`, aRecord({ customerId: 'ada' }));
    await sut.save('grace-1', aRecord({ customerId: 'grace' }));

    await sut.forgetCustomer('ada');

    expect(await sut.find('ada-0')).toBeNull();
    expect(await sut.find('ada-2')).toBeNull();
    expect(await sut.find('grace-1')).toEqual(aRecord({ customerId: 'grace' }));
  });
});
