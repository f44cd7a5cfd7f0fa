import type { EventMetadata } from './event';
import { aNewEvent } from '../testing/event-factory';
import { decodeMetadata } from './metadata-text';

const runnerMetadata = (overrides: Partial<EventMetadata> = {}): EventMetadata =>
  aNewEvent({ metadata: overrides }).metadata;

/** What a reader must get back: exactly JSON.parse's object, keys in the same order. */
const expectAsJsonParse = (text: string): void => {
  const decoded = decodeMetadata(text);
  expect(decoded).toStrictEqual(JSON.parse(text));
  expect(JSON.stringify(decoded)).toBe(JSON.stringify(JSON.parse(text)));
};

describe('decodeMetadata', () => {
  it('decodes the metadata the command runner writes, with and without a customer id', () => {
    const withCustomer = JSON.stringify(runnerMetadata({ customerId: 'c-1' }));
    const without = JSON.stringify(runnerMetadata());

    expectAsJsonParse(withCustomer);
    expectAsJsonParse(without);
    expect(decodeMetadata(without)).not.toHaveProperty('customerId');
    expect(
      decodeMetadata(JSON.stringify(runnerMetadata({ schemaVersion: 12 }))).schemaVersion,
    ).toBe(12);
  });

  it('reads the runner-shaped text without JSON.parse (the catch-up hot path)', () => {
    const text = JSON.stringify(runnerMetadata({ customerId: 'c-1' }));
    const parse = jest.spyOn(JSON, 'parse');
    try {
      decodeMetadata(text);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('decodes escapes, unicode and other JSON forms of the same fields as JSON.parse does', () => {
    const tricky = [
      runnerMetadata({ actor: { id: 'quote " and backslash \\', role: 'service' } }),
      runnerMetadata({ actor: { id: 'tab\tnewline\n', role: 'analyst' } }),
      runnerMetadata({ customerId: 'zoë 😀 \u2028' }),
      runnerMetadata({ occurredAt: '' }),
    ].map((metadata) => JSON.stringify(metadata));
    const base = JSON.stringify(runnerMetadata({ customerId: 'c-1' }));
    const otherForms = [
      base.replace('"schemaVersion":1', '"schemaVersion":1.0'),
      base.replace('"schemaVersion":1', '"schemaVersion":1e0'),
      base.replace('"schemaVersion":1', '"schemaVersion":-1'),
      base.replace('"schemaVersion":1', '"schemaVersion":12345678901234'),
      base.replace('"schemaVersion":1', '"schemaVersion": 1'),
      base.replace('"eventId"', '"eventId" '),
      base.replace('}', ',"extra":true}'),
      base.replace('"customerId":"c-1"', '"customerId":null'),
      base.replace('"customerId":"c-1"', '"customerId":"c-1","tenant":"t"'),
      JSON.stringify({ ...JSON.parse(base), actor: { role: 'service', id: 'reordered' } }),
      JSON.stringify({ commandId: 'first', ...JSON.parse(base) }),
      base.replace('"c-1"', '"c\\u002d1"'),
    ];

    for (const text of [...tricky, ...otherForms]) expectAsJsonParse(text);
  });

  it('rejects text JSON.parse rejects', () => {
    const base = JSON.stringify(runnerMetadata({ customerId: 'c-1' }));
    const invalid = [
      base.replace('"schemaVersion":1', '"schemaVersion":01'),
      base.replace('"c-1"', '"c\u00011"'),
      `${base}x`,
      base.slice(0, -1),
    ];

    for (const text of invalid) {
      expect(() => JSON.parse(text)).toThrow(SyntaxError);
      expect(() => decodeMetadata(text)).toThrow(SyntaxError);
    }
  });
});
