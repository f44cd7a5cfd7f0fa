import type { ChildService } from './child-service';
import { enforceContract } from '../../support/openapi-contract';

/** A command the client keeps sending (same Idempotency-Key) until it gets an answer. */
export type Command = {
  key: string;
  path: string;
  body: unknown;
  /** The stream it writes, once the aggregate id is known. */
  stream: (id: string) => string;
};

export type Ack = {
  command: Command;
  status: number;
  body: { id: string; streamRevision: number; position: number; code?: string };
  attempts: number;
};

/** What the client believes it did to one customer, to check the read models against. */
export type Journey = {
  customerId: string;
  ticketId: string;
  orderId: string;
  cancelledOrderId: string;
  score: number;
  acks: Ack[];
  /** What the order is worth: total − refund. */
  orderValue: number;
  paid: number;
  refunded: number;
};

/** mulberry32: small, seeded, good enough to pick amounts and delays reproducibly. */
export const prng = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Sends a command through kills and restarts: network errors and 503s are retried with the
 * same Idempotency-Key (and correlation id) until the service answers, within a deadline.
 */
export const sendUntilAnswered = async (
  service: ChildService,
  token: string,
  command: Command,
  deadline: number,
): Promise<Ack> => {
  for (let attempt = 1; attempt <= 1_000 && Date.now() < deadline; attempt += 1) {
    let checked: { status: number; contentType: string | null; text: string } | undefined;
    try {
      const response = await fetch(`${service.url}${command.path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': command.key,
          'x-correlation-id': command.key,
        },
        body: JSON.stringify(command.body),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await response.text();
      checked = {
        status: response.status,
        contentType: response.headers.get('content-type'),
        text,
      };
      if (response.status === 503) {
        await sleep(100);
        continue;
      }
      return {
        command,
        status: response.status,
        body: JSON.parse(text) as Ack['body'],
        attempts: attempt,
      };
    } catch {
      await sleep(30 + attempt * 5); // down or restarting
    } finally {
      // Outside the try's forgiveness: a contract problem fails the run.
      if (checked) enforceContract('POST', command.path, checked);
    }
  }
  throw new Error(`${command.key} got no answer before the deadline`);
};

/**
 * One customer's life: created and tagged, a ticket opened, answered, resolved and rated, an
 * order paid in two parts and partly refunded, a second order cancelled.
 */
export const runJourney = async (
  send: (command: Command) => Promise<Ack>,
  keyPrefix: string,
  random: () => number,
): Promise<Journey> => {
  const acks: Ack[] = [];
  const step = async (
    name: string,
    path: string,
    body: unknown,
    stream: (id: string) => string,
  ) => {
    const ack = await send({ key: `${keyPrefix}-${name}`, path, body, stream });
    acks.push(ack);
    if (ack.status >= 300)
      throw new Error(`${ack.command.key} answered ${ack.status}: ${JSON.stringify(ack.body)}`);
    return ack.body.id;
  };
  const customer = (id: string) => `customer-${id}`;
  const ticket = (id: string) => `ticket-${id}`;
  const order = (id: string) => `order-${id}`;

  const customerId = await step(
    'create',
    '/customers',
    {
      name: `Chaos ${keyPrefix}`,
      email: `${keyPrefix}@chaos.example.com`,
      tags: ['chaos'],
    },
    customer,
  );
  await step('tag', `/customers/${customerId}/tags`, { tags: ['survivor'] }, () =>
    customer(customerId),
  );
  const ticketId = await step(
    'ticket',
    '/tickets',
    {
      customerId,
      subject: 'Crash report',
      description: `Journey ${keyPrefix}`,
      category: 'technical',
      channel: 'web',
      priority: 'high',
    },
    ticket,
  );
  const onTicket = () => ticket(ticketId);
  await step(
    'reply',
    `/tickets/${ticketId}/replies`,
    { author: 'agent', text: 'Looking into it' },
    onTicket,
  );
  await step('resolve', `/tickets/${ticketId}/resolve`, { resolution: 'Restarted it' }, onTicket);
  const score = 1 + Math.floor(random() * 5);
  await step('rate', `/tickets/${ticketId}/satisfaction`, { score }, onTicket);

  const quantity = 1 + Math.floor(random() * 3);
  const unitPrice = 100 + Math.floor(random() * 9_900);
  const total = quantity * unitPrice;
  const orderId = await step(
    'order',
    '/orders',
    {
      customerId,
      currency: 'EUR',
      lines: [{ sku: 'CHAOS-1', quantity, unitPrice }],
    },
    order,
  );
  const onOrder = () => order(orderId);
  const first = Math.floor(total / 2);
  await step('pay-1', `/orders/${orderId}/pay`, { amount: first, currency: 'EUR' }, onOrder);
  await step(
    'pay-2',
    `/orders/${orderId}/pay`,
    { amount: total - first, currency: 'EUR' },
    onOrder,
  );
  const refund = 1 + Math.floor(random() * Math.floor(total / 4));
  await step(
    'refund',
    `/orders/${orderId}/refunds`,
    { amount: refund, currency: 'EUR', reason: 'damaged' },
    onOrder,
  );
  const cancelledId = await step(
    'order-2',
    '/orders',
    {
      customerId,
      currency: 'EUR',
      lines: [{ sku: 'CHAOS-2', quantity: 1, unitPrice: 777 }],
    },
    order,
  );
  await step('cancel', `/orders/${cancelledId}/cancel`, { reason: 'customer_request' }, () =>
    order(cancelledId),
  );
  return {
    customerId,
    ticketId,
    orderId,
    cancelledOrderId: cancelledId,
    score,
    acks,
    orderValue: total - refund,
    paid: total,
    refunded: refund,
  };
};
