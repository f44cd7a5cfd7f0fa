import type { DemoCustomer, DemoWorld } from './demo-world';
import { DAY, between } from './demo-world';
import { generateOrder } from './orders.generator';
import { Ref, create } from './timeline';

type Template = { name: string; channel: string; tags: readonly string[]; cost: number };

const TEMPLATES: readonly Template[] = [
  { name: 'Spring sale', channel: 'email', tags: ['newsletter'], cost: 1_800_000 },
  { name: 'VIP preview', channel: 'email', tags: ['vip'], cost: 400_000 },
  { name: 'Student offer', channel: 'social', tags: ['student'], cost: 900_000 },
  { name: 'Trade webinar', channel: 'web', tags: ['b2b', 'wholesale'], cost: 2_400_000 },
  { name: 'Loyalty bonus', channel: 'sms', tags: ['loyalty'], cost: 600_000 },
  { name: 'Early access', channel: 'push', tags: ['early-adopter', 'vip'], cost: 300_000 },
  {
    name: 'Black Friday',
    channel: 'email',
    tags: ['newsletter', 'vip', 'loyalty'],
    cost: 3_500_000,
  },
];
/** Of the audience: who opens, clicks, replies, unsubscribes, and buys through the campaign. */
const RESPONSES = [
  ['opened', 0.35],
  ['clicked', 0.12],
  ['replied', 0.02],
  ['unsubscribed', 0.01],
] as const;
const CONVERSION = 0.07;
const EVERY_DAYS = 45;

/**
 * A campaign every six weeks or so: planned, launched to the customers carrying its tags (the
 * audience the service resolves at launch), answered by some of them, bought through by a
 * few, completed. Returns how many campaigns it planned.
 */
export const generateCampaigns = (world: DemoWorld, customers: readonly DemoCustomer[]): number => {
  const { random, timeline } = world;
  let planned = 0;
  for (
    let launchAt = world.start + 60 * DAY;
    launchAt < world.end - 20 * DAY;
    launchAt += (EVERY_DAYS + random.int(-10, 10)) * DAY
  ) {
    const template = TEMPLATES[planned % TEMPLATES.length] ?? TEMPLATES[0]!;
    const endsAt = launchAt + random.int(14, 28) * DAY;
    const campaign = new Ref();
    const year = new Date(launchAt).getUTCFullYear();
    timeline.add(
      launchAt - random.int(2, 7) * DAY,
      'plan campaign',
      create(campaign, '/campaigns', {
        name: `${template.name} ${year}`,
        channel: template.channel,
        cost: { amount: template.cost, currency: 'EUR' },
        startsAt: new Date(launchAt).toISOString(),
        endsAt: new Date(endsAt).toISOString(),
        attributionWindowDays: 14,
        audience: { tags: template.tags },
      }),
    );
    timeline.after(
      campaign,
      launchAt,
      'launch campaign',
      (id, send) => send('POST', `/campaigns/${id}/launch`).then(() => {}),
      { settle: true },
    );
    const audience = customers.filter(
      (c) => c.since < launchAt - DAY && c.tags.some((tag) => template.tags.includes(tag)),
    );
    for (const member of audience) {
      for (const [kind, share] of RESPONSES) {
        if (!random.chance(share)) continue;
        const at = between(world, launchAt + DAY, endsAt);
        timeline.after(campaign, at, 'record response', (id, send) =>
          member.ref.id
            ? send('POST', `/campaigns/${id}/responses`, { customerId: member.ref.id, kind }).then(
                () => {},
              )
            : Promise.resolve(),
        );
      }
      if (random.chance(CONVERSION)) {
        generateOrder(world, member, between(world, launchAt + DAY, endsAt), campaign);
      }
    }
    timeline.after(campaign, endsAt, 'complete campaign', (id, send) =>
      send('POST', `/campaigns/${id}/complete`).then(() => {}),
    );
    planned += 1;
  }
  return planned;
};
