import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCampaigns } from '../../scripts/demo/campaigns.generator';
import { generateCustomers } from '../../scripts/demo/customers.generator';
import type { DemoWorld } from '../../scripts/demo/demo-world';
import { generateOrders } from '../../scripts/demo/orders.generator';
import { generatePipeline } from '../../scripts/demo/pipeline.generator';
import { Random } from '../../scripts/demo/prng';
import { DemoRefusedError, runDemo } from '../../scripts/demo/run-demo';
import { generateTickets } from '../../scripts/demo/tickets.generator';
import { Timeline } from '../../scripts/demo/timeline';
import { TEST_ADMIN_KEY, startTestApp } from '../support/test-app';

const DAY = 86_400_000;
const END = Date.parse('2031-06-30T12:00:00Z');

const schedule = (seed: number) => {
  const world: DemoWorld = {
    random: new Random(seed),
    start: END - 180 * DAY,
    end: END,
    timeline: new Timeline(END),
    customers: [],
  };
  world.customers = generateCustomers(world, 40);
  generateTickets(world, world.customers);
  generateOrders(world, world.customers);
  generateCampaigns(world, world.customers);
  generatePipeline(world, world.customers);
  return world.timeline.sorted().map((step) => `${step.at} ${step.label}`);
};

describe('npm run demo', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-demo-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const demo = (dir: string) =>
    runDemo({
      env: { CRM_DATA_DIR: dir, CRM_ADMIN_KEY: TEST_ADMIN_KEY, LOG_LEVEL: 'silent' },
      customers: 40,
      months: 12,
      seed: 7,
      end: END,
    });

  it('generates the same history from the same seed, and another from another', () => {
    expect(schedule(1)).toEqual(schedule(1));
    expect(schedule(1)).not.toEqual(schedule(2));
  });

  it('fills an empty data folder through the API with months of history', async () => {
    const summary = await demo(dataDir);
    expect(summary.failed).toEqual([]);
    expect(summary.customers).toBe(40);
    expect(summary.commands).toBeGreaterThan(100);

    const t = await startTestApp({}, { dataDir });
    try {
      const analyst = summary.keys.analyst;
      const at = `minPosition=${summary.position}`;
      const customers = await t.request('GET', `/customers?limit=500&${at}`, { key: analyst });
      expect(customers.body.items).toHaveLength(40);
      const months = await t.request('GET', `/analytics/satisfaction?by=month&${at}`, {
        key: analyst,
      });
      // Ratings carry the simulated time: months of 2030–31, not the month the test ran.
      const keys: string[] = months.body.groups.map((g: { key: string }) => g.key);
      expect(keys.length).toBeGreaterThan(1);
      expect(keys.every((key) => key >= '2030-07' && key <= '2031-06')).toBe(true);
      const value = await t.request('GET', `/analytics/customer-value?${at}`, { key: analyst });
      if (summary.orders !== null) expect(value.body.totals.length).toBeGreaterThan(0);
      if (summary.campaigns !== null) {
        const campaigns = await t.request('GET', `/analytics/campaigns?${at}`, { key: analyst });
        expect(campaigns.body.items).toHaveLength(summary.campaigns);
      }
      if (summary.opportunities !== null) {
        const deals = await t.request('GET', `/opportunities?limit=500&${at}`, { key: analyst });
        expect(deals.body.items).toHaveLength(summary.opportunities);
        const statuses = new Set(deals.body.items.map((d: { status: string }) => d.status));
        expect([...statuses].sort()).toEqual(['lost', 'open', 'won']);
      }
    } finally {
      await t.close({ keepData: true });
    }
  }, 60_000);

  it('refuses a data folder that is not empty', async () => {
    const used = mkdtempSync(join(tmpdir(), 'crm-demo-used-'));
    writeFileSync(join(used, 'keep.txt'), 'real data');
    try {
      await expect(demo(used)).rejects.toThrow(DemoRefusedError);
      await expect(demo(dataDir)).rejects.toThrow(/not empty/);
    } finally {
      rmSync(used, { recursive: true, force: true });
    }
  });
});
