import type { DemoCustomer, DemoWorld } from './demo-world';
import { DAY, HOUR, between, poisson } from './demo-world';
import { Ref, create } from './timeline';

type Product = { sku: string; price: number };

/** Prices in minor units of EUR; other currencies scale them. */
const CATALOG: readonly Product[] = [
  { sku: 'BOOK-DDD', price: 4_599 },
  { sku: 'BOOK-SICP', price: 5_299 },
  { sku: 'MUG-LOGO', price: 1_299 },
  { sku: 'TSHIRT-M', price: 2_499 },
  { sku: 'HOODIE-L', price: 5_999 },
  { sku: 'KEYBOARD-65', price: 12_900 },
  { sku: 'MOUSE-ERGO', price: 6_490 },
  { sku: 'MONITOR-27', price: 32_900 },
  { sku: 'HEADSET-BT', price: 8_990 },
  { sku: 'CABLE-USBC', price: 1_490 },
  { sku: 'DESK-LAMP', price: 3_990 },
  { sku: 'CHAIR-PRO', price: 44_900 },
];
const SCALE: Record<string, number> = { EUR: 1, GBP: 0.86, CNY: 7.8 };
const CANCEL_REASONS = [
  ['customer_request', 5],
  ['out_of_stock', 2],
  ['payment_failed', 2],
  ['duplicate', 1],
] as const;
const REFUND_REASONS = [
  ['returned', 5],
  ['damaged', 2],
  ['goodwill', 1],
] as const;

/** More orders in November and December. */
const seasonal = (time: number): number => {
  const month = new Date(time).getUTCMonth();
  return month === 10 || month === 11 ? 1.7 : month === 0 ? 0.7 : 1;
};

/** Orders by each customer: placed, confirmed, paid, shipped, delivered; some cancelled or refunded. */
export const generateOrders = (world: DemoWorld, customers: readonly DemoCustomer[]): number => {
  let orders = 0;
  for (const customer of customers) {
    const months = (world.end - customer.since) / (30 * DAY);
    const count = 1 + poisson(world, customer.orderRate * months * 0.6);
    for (let n = 0; n < count; n += 1) {
      let placedAt = between(world, customer.since + HOUR, world.end);
      // Thins the off-season: a draw outside the peak is kept with its relative weight.
      while (world.random.next() > seasonal(placedAt) / 1.7) {
        placedAt = between(world, customer.since + HOUR, world.end);
      }
      generateOrder(world, customer, placedAt);
      orders += 1;
    }
  }
  return orders;
};

/** One order and its lifecycle; `campaign`: the campaign it is attributed to. */
export const generateOrder = (
  world: DemoWorld,
  customer: DemoCustomer,
  placedAt: number,
  campaign: Ref | null = null,
): void => {
  const { random, timeline } = world;
  const scale = SCALE[customer.currency] ?? 1;
  const lines = Array.from(
    {
      length: random.weighted([
        [1, 5],
        [2, 3],
        [3, 1],
      ] as const),
    },
    () => {
      const product = random.pick(CATALOG);
      return {
        sku: product.sku,
        quantity: random.weighted([
          [1, 8],
          [2, 2],
          [3, 1],
        ] as const),
        unitPrice: Math.round((product.price * scale) / 10) * 10 - 1,
      };
    },
  );
  const total = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  const order = new Ref();
  timeline.after(customer.ref, placedAt, 'place order', (customerId, send) =>
    create(order, '/orders', {
      customerId,
      currency: customer.currency,
      lines,
      ...(campaign?.id ? { campaignId: campaign.id } : {}),
    })(send),
  );
  const act = (at: number, action: string, body?: unknown): boolean =>
    timeline.after(order, at, `${action} order`, (id, send) =>
      send('POST', `/orders/${id}/${action}`, body).then(() => {}),
    );

  if (random.chance(0.05)) {
    act(placedAt + random.exponential(6 * HOUR), 'cancel', {
      reason: random.weighted(CANCEL_REASONS),
    });
    return;
  }
  const confirmedAt = placedAt + random.exponential(HOUR);
  if (!act(confirmedAt, 'confirm')) return;
  const paidAt = confirmedAt + random.exponential(3 * HOUR);
  if (!act(paidAt, 'pay', { amount: total, currency: customer.currency })) return;
  const shippedAt = paidAt + random.exponential(1.5 * DAY);
  if (!act(shippedAt, 'ship')) return;
  const deliveredAt = shippedAt + (1 + random.exponential(2)) * DAY;
  if (!act(deliveredAt, 'deliver')) return;
  if (random.chance(0.07)) {
    const line = random.pick(lines);
    act(deliveredAt + random.exponential(5 * DAY), 'refunds', {
      amount: line.unitPrice,
      currency: customer.currency,
      reason: random.weighted(REFUND_REASONS),
    });
  }
};
