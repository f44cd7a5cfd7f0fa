import fc from 'fast-check';
import type { HttpResponse, TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import type { LoggedEvent } from './support/event-log';
import { streamEvents } from './support/event-log';

/**
 * Many clients on one aggregate at once. Whatever the interleaving, every 2xx is reflected
 * exactly once in the log and the read model, nothing refused leaves a trace, and every
 * refusal is a clean 409 with a stable code.
 */
const CLIENTS = 50;
const SEED = Number(process.env.FUZZ_SEED ?? 9);

type Shot<T> = { index: number; correlationId: string; input: T; response: HttpResponse };

let runId = 0;

describe('concurrent clients on one aggregate', () => {
  let t: TestApp;
  let service: string;

  beforeAll(async () => {
    t = await startTestApp();
    service = await t.keyFor('service');
  });
  afterAll(() => t.close());

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
    t.request('POST', path, { key: service, body, headers });

  const created = async (
    path: string,
    body: unknown,
  ): Promise<{ id: string; position: number }> => {
    const response = await post(path, body);
    expect(response.status).toBeLessThan(300);
    return response.body;
  };

  /** Fires one request per input, all at once, each with its own correlation id. */
  const hammer = async <T>(
    inputs: T[],
    send: (input: T, headers: Record<string, string>) => Promise<HttpResponse>,
  ): Promise<Shot<T>[]> => {
    runId += 1;
    return Promise.all(
      inputs.map(async (input, index) => {
        const correlationId = `hammer-${runId}-${index}`;
        const response = await send(input, { 'x-correlation-id': correlationId });
        return { index, correlationId, input, response };
      }),
    );
  };

  const accepted = <T>(shots: Shot<T>[]) => shots.filter((s) => s.response.status === 200);

  /** Only 200 or a 409 with a code; never a 500. */
  const expectCleanOutcomes = <T>(shots: Shot<T>[], codes: string[]): void => {
    for (const { response } of shots) {
      if (response.status === 200) continue;
      expect({ status: response.status, body: response.body }).toEqual({
        status: 409,
        body: expect.objectContaining({
          statusCode: 409,
          error: 'Conflict',
          code: expect.any(String),
        }),
      });
      expect(codes).toContain(response.body.code);
    }
  };

  /**
   * The events of this hammer came from accepted requests only, and each accepted request
   * answered the position of its own last event (or appended nothing, when `noop` allows).
   */
  const expectEventsFromAcceptedOnly = <T>(
    events: LoggedEvent[],
    shots: Shot<T>[],
    noop: (shot: Shot<T>) => boolean = () => false,
  ): void => {
    const acceptedIds = new Set(accepted(shots).map((s) => s.correlationId));
    const mine = events.filter((e) =>
      String(e.metadata.correlationId).startsWith(`hammer-${runId}-`),
    );
    for (const event of mine) expect(acceptedIds).toContain(event.metadata.correlationId);
    for (const shot of accepted(shots)) {
      const own = mine.filter((e) => e.metadata.correlationId === shot.correlationId);
      if (own.length === 0 && noop(shot)) continue;
      expect(own.length).toBeGreaterThan(0);
      expect(shot.response.body.position).toBe(own.at(-1)?.position);
    }
  };

  const read = async (path: string, minPosition: number) => {
    const response = await t.request('GET', `${path}?minPosition=${minPosition}`, { key: service });
    expect(response.status).toBe(200);
    return response.body;
  };

  const lastPosition = <T>(shots: Shot<T>[], fallback: number): number =>
    Math.max(fallback, ...accepted(shots).map((s) => s.response.body.position as number));

  it(`keeps every one of ${CLIENTS} concurrent replies to one ticket, each exactly once`, async () => {
    const customer = await created('/customers', {
      name: 'Busy Customer',
      email: 'busy@example.com',
    });
    const ticket = await created('/tickets', {
      customerId: customer.id,
      subject: 'Popular thread',
      description: 'Everyone replies at once',
      category: 'general',
      channel: 'chat',
    });
    const replies = Array.from({ length: CLIENTS }, (_, n) => ({
      author: n % 2 ? 'agent' : 'customer',
      text: `reply number ${n}`,
    }));
    const shots = await hammer(replies, (reply, headers) =>
      post(`/tickets/${ticket.id}/replies`, reply, headers),
    );

    expectCleanOutcomes(shots, ['CONCURRENT_MODIFICATION']);
    expect(accepted(shots).length).toBeGreaterThan(0);
    const events = streamEvents(t.dataDir, `ticket-${ticket.id}`);
    expectEventsFromAcceptedOnly(events, shots);
    expect(events.filter((e) => e.type === 'TicketReplyAdded')).toHaveLength(
      accepted(shots).length,
    );
    const view = await read(`/tickets/${ticket.id}`, lastPosition(shots, ticket.position));
    expect(view.replies.map((r: { text: string }) => r.text).sort()).toEqual(
      accepted(shots)
        .map((s) => s.input.text)
        .sort(),
    );
  });

  it(`records ${CLIENTS} concurrent payments on one order without ever exceeding its total`, async () => {
    const customer = await created('/customers', {
      name: 'Big Spender',
      email: 'spender@example.com',
    });
    const total = 5_000;
    const order = await created('/orders', {
      customerId: customer.id,
      currency: 'EUR',
      lines: [{ sku: 'GIFT-CARD', quantity: 1, unitPrice: total }],
    });
    const amounts = fc.sample(fc.integer({ min: 150, max: 450 }), { seed: SEED, numRuns: CLIENTS });
    const shots = await hammer(amounts, (amount, headers) =>
      post(`/orders/${order.id}/pay`, { amount, currency: 'EUR' }, headers),
    );

    expectCleanOutcomes(shots, ['OVERPAYMENT', 'CONCURRENT_MODIFICATION']);
    const paid = accepted(shots).reduce((sum, s) => sum + s.input, 0);
    expect(paid).toBeLessThanOrEqual(total);
    // Σ of all amounts is about three times the total: some must have been refused.
    expect(shots.filter((s) => s.response.body?.code === 'OVERPAYMENT').length).toBeGreaterThan(0);
    for (const refusal of shots.filter((s) => s.response.body?.code === 'OVERPAYMENT')) {
      // Refused against a balance that could only shrink afterwards.
      expect(paid + refusal.input).toBeGreaterThan(total);
    }
    const events = streamEvents(t.dataDir, `order-${order.id}`);
    expectEventsFromAcceptedOnly(events, shots);
    const recorded = events.filter((e) => e.type === 'PaymentRecorded');
    expect(recorded.reduce((sum, e) => sum + Number(e.data.amount), 0)).toBe(paid);
    const view = await read(`/orders/${order.id}`, lastPosition(shots, order.position));
    expect(view.paid).toEqual({ amount: paid, currency: 'EUR' });
    expect(view.balance).toEqual({ amount: total - paid, currency: 'EUR' });
    expect(view.payments).toHaveLength(accepted(shots).length);
  });

  it(`refunds concurrently without ever refunding more than was paid`, async () => {
    const customer = await created('/customers', {
      name: 'Returner',
      email: 'returner@example.com',
    });
    const order = await created('/orders', {
      customerId: customer.id,
      currency: 'EUR',
      lines: [{ sku: 'TV-1', quantity: 1, unitPrice: 3_000 }],
    });
    await created(`/orders/${order.id}/pay`, { amount: 3_000, currency: 'EUR' });
    const amounts = fc.sample(fc.integer({ min: 100, max: 300 }), {
      seed: SEED + 1,
      numRuns: CLIENTS,
    });
    const shots = await hammer(amounts, (amount, headers) =>
      post(`/orders/${order.id}/refunds`, { amount, currency: 'EUR', reason: 'goodwill' }, headers),
    );

    expectCleanOutcomes(shots, ['REFUND_EXCEEDS_PAID', 'CONCURRENT_MODIFICATION']);
    const refunded = accepted(shots).reduce((sum, s) => sum + s.input, 0);
    expect(refunded).toBeLessThanOrEqual(3_000);
    const events = streamEvents(t.dataDir, `order-${order.id}`);
    expectEventsFromAcceptedOnly(events, shots);
    const position = lastPosition(shots, order.position);
    const view = await read(`/orders/${order.id}`, position);
    expect(view.refunded).toEqual({ amount: refunded, currency: 'EUR' });
    const value = await read(`/customers/${customer.id}`, position);
    expect(value.orders.value).toEqual([
      { amount: 3_000 - refunded, amountExact: String(3_000 - refunded), currency: 'EUR' },
    ]);
  });

  it(`applies ${CLIENTS} concurrent overlapping tag additions with no tag lost or tagged twice`, async () => {
    const customer = await created('/customers', { name: 'Tag Magnet', email: 'tags@example.com' });
    const pool = Array.from({ length: 30 }, (_, i) => `tag-${i}`);
    const picks = fc.sample(
      fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: 3 }),
      {
        seed: SEED + 2,
        numRuns: CLIENTS,
      },
    );
    const shots = await hammer(picks, (tags, headers) =>
      post(`/customers/${customer.id}/tags`, { tags }, headers),
    );

    expectCleanOutcomes(shots, ['CONCURRENT_MODIFICATION']);
    const events = streamEvents(t.dataDir, `customer-${customer.id}`);
    // A request whose tags were all added by others meanwhile appends nothing: that is fine.
    expectEventsFromAcceptedOnly(events, shots, () => true);
    const tagged = events.filter((e) => e.type === 'CustomerTagged').map((e) => String(e.data.tag));
    expect(new Set(tagged).size).toBe(tagged.length); // no tag recorded twice
    const wanted = new Set(accepted(shots).flatMap((s) => s.input));
    expect(new Set(tagged)).toEqual(wanted);
    const profile = await read(`/customers/${customer.id}`, lastPosition(shots, customer.position));
    expect(new Set(profile.tags)).toEqual(wanted);
  });

  it('answers 20 concurrent retries with one Idempotency-Key as one command: one event, one answer', async () => {
    const customer = await created('/customers', {
      name: 'Retry Storm',
      email: 'retry@example.com',
    });
    const shots = await hammer(
      Array.from({ length: 20 }, () => 'same note'),
      (text, headers) =>
        post(
          `/customers/${customer.id}/notes`,
          { text },
          { ...headers, 'idempotency-key': 'note-retry-storm-0001' },
        ),
    );

    expect(shots.map((s) => s.response.status)).toEqual(Array(20).fill(200));
    const answers = new Set(shots.map((s) => JSON.stringify(s.response.body)));
    expect(answers.size).toBe(1);
    const notes = streamEvents(t.dataDir, `customer-${customer.id}`).filter(
      (e) => e.type === 'CustomerNoteAdded',
    );
    expect(notes).toHaveLength(1);
    expect(shots[0]?.response.body.position).toBe(notes[0]?.position);
  });

  it('lets exactly one of many concurrent resolutions of a ticket win', async () => {
    const customer = await created('/customers', {
      name: 'Resolved Once',
      email: 'once@example.com',
    });
    const ticket = await created('/tickets', {
      customerId: customer.id,
      subject: 'Resolve me',
      description: 'Only once',
      category: 'general',
      channel: 'email',
    });
    const shots = await hammer(
      Array.from({ length: 20 }, (_, i) => `resolution ${i}`),
      (resolution, headers) => post(`/tickets/${ticket.id}/resolve`, { resolution }, headers),
    );

    expect(accepted(shots)).toHaveLength(1);
    for (const shot of shots.filter((s) => s.response.status !== 200)) {
      expect(shot.response.status).toBe(409);
      expect(shot.response.body.code).toEqual(expect.any(String));
    }
    const resolved = streamEvents(t.dataDir, `ticket-${ticket.id}`).filter(
      (e) => e.type === 'TicketResolved',
    );
    expect(resolved).toHaveLength(1);
    expect(resolved[0]?.metadata.correlationId).toBe(accepted(shots)[0]?.correlationId);
  });
});
