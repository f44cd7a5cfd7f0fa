import type { DemoCustomer, DemoWorld } from './demo-world';
import { DAY, between } from './demo-world';
import { Ref, create } from './timeline';

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Wei',
  'Mei',
  'Li',
  'Sofia',
  'Lucas',
  'Emma',
  'Noah',
  'Amara',
  'Kenji',
  'Yuki',
  'Chloé',
  'Mateo',
  'Ingrid',
  'Omar',
  'Fatima',
  'Jonas',
  'Elena',
  'Ravi',
  'Priya',
  'Tomás',
  'Hana',
  'Zhang',
  'Olu',
  'Maja',
  'Luca',
  'Nora',
  'Hugo',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Chen',
  'Wang',
  'Li',
  'García',
  'Martin',
  'Müller',
  'Rossi',
  'Okafor',
  'Tanaka',
  'Dubois',
  'Jansen',
  'Novak',
  'Haddad',
  'Silva',
  'Kowalski',
  'Nielsen',
  'Costa',
  'Sharma',
  'Patel',
  'Kim',
  'Ivanova',
  'Byrne',
  'Moreau',
  'Berg',
  'Santos',
  'Wu',
  'Zhou',
];
const PLACES = [
  { city: 'London', country: 'GB', currency: 'GBP', weight: 4 },
  { city: 'Manchester', country: 'GB', currency: 'GBP', weight: 2 },
  { city: 'Paris', country: 'FR', currency: 'EUR', weight: 3 },
  { city: 'Berlin', country: 'DE', currency: 'EUR', weight: 3 },
  { city: 'Madrid', country: 'ES', currency: 'EUR', weight: 2 },
  { city: 'Milan', country: 'IT', currency: 'EUR', weight: 2 },
  { city: 'Amsterdam', country: 'NL', currency: 'EUR', weight: 2 },
  { city: 'Dublin', country: 'IE', currency: 'EUR', weight: 1 },
  { city: 'Shanghai', country: 'CN', currency: 'CNY', weight: 2 },
  { city: 'Shenzhen', country: 'CN', currency: 'CNY', weight: 1 },
] as const;
const STREETS = [
  'High Street',
  'Station Road',
  'Market Square',
  'Harbour Lane',
  'Park Avenue',
  'Mill Road',
  'Church Street',
  'Garden Row',
];
const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example'];
const TAGS = ['newsletter', 'vip', 'b2b', 'wholesale', 'student', 'loyalty', 'early-adopter'];
const NOTES = [
  'Prefers to be contacted by email.',
  'Asked about bulk discounts.',
  'Called about a delivery time window.',
  'Interested in the loyalty programme.',
  'Requested invoices in English.',
];

const slug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

/** Customers sign up over the whole period, more of them later (the business grows). */
export const generateCustomers = (world: DemoWorld, count: number): DemoCustomer[] => {
  const { random, timeline } = world;
  const customers: DemoCustomer[] = [];
  for (let i = 0; i < count; i += 1) {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    const place = random.weighted(PLACES.map((p) => [p, p.weight] as const));
    const since = world.start + (world.end - world.start) * 0.97 * random.next() ** 0.75;
    const ref = new Ref();
    const tags = TAGS.filter(() => random.chance(0.15));
    const body = {
      name: `${first} ${last}`,
      email: `${slug(first)}.${slug(last)}.${i}@${random.pick(DOMAINS)}`,
      ...(random.chance(0.6) ? { phone: `+44${random.int(7_000_000_000, 7_999_999_999)}` } : {}),
      ...(random.chance(0.45)
        ? {
            address: {
              street: `${random.int(1, 240)} ${random.pick(STREETS)}`,
              city: place.city,
              country: place.country,
            },
          }
        : {}),
      tags,
    };
    timeline.add(since, 'create customer', create(ref, '/customers', body));
    if (random.chance(0.3)) {
      const text = random.pick(NOTES);
      timeline.after(ref, between(world, since + DAY, world.end), 'add note', (id, send) =>
        send('POST', `/customers/${id}/notes`, { text }).then(() => {}),
      );
    }
    if (random.chance(0.15)) {
      const street = `${random.int(1, 240)} ${random.pick(STREETS)}`;
      timeline.after(ref, between(world, since + DAY, world.end), 'change address', (id, send) =>
        send('PATCH', `/customers/${id}`, {
          address: { street, city: place.city, country: place.country },
        }).then(() => {}),
      );
    }
    customers.push({
      ref,
      since,
      tags,
      currency: place.currency,
      orderRate: Math.min(3, Math.exp(random.normal(-1.3, 0.8))),
      mood: random.normal(0, 0.45),
    });
  }
  return customers;
};
