import { existsSync, readdirSync } from 'node:fs';
import type { EventStore } from '@crm/eventsourcing';
import { EVENT_STORE, ProjectorRunner } from '@crm/eventsourcing';
import { loadConfig } from '@crm/platform';
import type { InProcessApp } from '../lib/in-process-app';
import { startInProcess } from '../lib/in-process-app';
import { generateCampaigns } from './campaigns.generator';
import { generateCustomers } from './customers.generator';
import type { DemoWorld } from './demo-world';
import { DAY } from './demo-world';
import { generateOrders } from './orders.generator';
import { generatePipeline } from './pipeline.generator';
import { Random } from './prng';
import { SimulatedClock } from './simulated-clock';
import { generateTickets } from './tickets.generator';
import type { Send } from './timeline';
import { Timeline } from './timeline';

export type DemoOptions = {
  env: Record<string, string | undefined>;
  customers: number;
  seed: number;
  months: number;
  /** End of the simulated period (default: now). */
  end?: number;
  log?: (line: string) => void;
};

export type DemoSummary = {
  dataDir: string;
  customers: number;
  tickets: number;
  orders: number | null;
  campaigns: number | null;
  opportunities: number | null;
  commands: number;
  failed: { label: string; status: number; message: string }[];
  position: number;
  keys: { admin: string | null; analyst: string; auditor: string };
};

export class DemoRefusedError extends Error {
  override readonly name = 'DemoRefusedError';
}

/** Only into an empty data folder: the demo must never mix its data with real data. */
const refuseNonEmpty = (dataDir: string): void => {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new DemoRefusedError(
      `${dataDir} is not empty: the demo only fills an empty data folder (set CRM_DATA_DIR to a new one)`,
    );
  }
};

const sender =
  (started: InProcessApp, key: string): Send =>
  async (method, path, body) => {
    const response = await started.app.inject({
      method,
      url: path,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      payload: JSON.stringify(body ?? {}),
    });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  };

const routeExists = (started: InProcessApp, method: 'GET' | 'POST', url: string): boolean =>
  started.app.getHttpAdapter().getInstance().hasRoute({ method, url });

/**
 * Fills an empty data folder with a generated history over `months` months, through the
 * app's own HTTP command path (in-process, with a simulated clock): customers, tickets and,
 * when the sales endpoints exist, orders. A seeded PRNG makes it repeatable.
 */
export const runDemo = async (options: DemoOptions): Promise<DemoSummary> => {
  const log = options.log ?? (() => {});
  const end = options.end ?? Date.now();
  const start = end - options.months * 30 * DAY;
  const env: Record<string, string | undefined> = { SQLITE_SYNCHRONOUS: 'NORMAL', ...options.env };
  const clock = new SimulatedClock(start);
  refuseNonEmpty(loadConfig(env).dataDir);

  clock.install();
  let started: InProcessApp | null = null;
  try {
    started = await startInProcess(env);
    const events = started.app.get<symbol, EventStore>(EVENT_STORE, { strict: false });
    if ((await events.headPosition()) > 0) {
      throw new DemoRefusedError('the event store is not empty: the demo only fills empty stores');
    }
    const admin = sender(started, started.adminToken ?? started.config.adminKey ?? '');
    const keyFor = async (role: string): Promise<string> => {
      const created = await admin('POST', '/admin/api-keys', { name: `demo ${role}`, role });
      if (created.status !== 201) throw new Error(`could not create a ${role} key`);
      return String(created.body.token);
    };
    const send = sender(started, await keyFor('service'));

    const world: DemoWorld = {
      random: new Random(options.seed),
      start,
      end,
      timeline: new Timeline(end),
      customers: [],
    };
    world.customers = generateCustomers(world, options.customers);
    const tickets = generateTickets(world, world.customers);
    const orders = routeExists(started, 'POST', '/orders')
      ? generateOrders(world, world.customers)
      : null;
    if (orders === null) log('demo: no /orders endpoint in this build: orders skipped');
    // Campaign conversions are orders: campaigns need the sales endpoints too.
    const campaigns =
      orders !== null && routeExists(started, 'POST', '/campaigns')
        ? generateCampaigns(world, world.customers)
        : null;
    if (campaigns === null) log('demo: no /campaigns endpoint in this build: campaigns skipped');
    // A won deal places its order through sales: the pipeline needs the sales endpoints too.
    const opportunities =
      orders !== null && routeExists(started, 'POST', '/opportunities')
        ? generatePipeline(world, world.customers)
        : null;
    if (opportunities === null)
      log('demo: no /opportunities endpoint in this build: pipeline skipped');

    const steps = world.timeline.sorted();
    const failed: DemoSummary['failed'] = [];
    let position = 0;
    const tracked =
      (as: Send): Send =>
      async (method, path, body) => {
        const response = await as(method, path, body);
        if (typeof response.body.position === 'number') {
          position = Math.max(position, response.body.position);
        }
        return response;
      };
    log(`demo: ${steps.length} commands over ${options.months} months, seed ${options.seed}`);
    const runner = started.app.get(ProjectorRunner);
    const names = runner.projections.map((p) => p.name);
    for (const [index, step] of steps.entries()) {
      clock.set(step.at);
      if (step.settle) await runner.waitFor(names, position, 60_000);
      try {
        await step.run(async (method, path, body) => {
          const response = await tracked(step.admin ? admin : send)(method, path, body);
          if (response.status >= 300) {
            failed.push({
              label: step.label,
              status: response.status,
              message: String(response.body.message),
            });
          }
          return response;
        });
      } catch (error) {
        failed.push({ label: step.label, status: 0, message: String(error) });
      }
      if ((index + 1) % Math.max(1, Math.floor(steps.length / 20)) === 0) {
        const day = new Date(step.at).toISOString().slice(0, 10);
        log(
          `demo: ${Math.round((100 * (index + 1)) / steps.length)}% (${index + 1} commands, ${day})`,
        );
      }
    }
    clock.set(end);
    if (!(await runner.waitFor(names, position, 600_000)))
      log('demo: projectors still catching up');
    return {
      dataDir: started.config.dataDir,
      customers: world.customers.length,
      tickets,
      orders,
      campaigns,
      opportunities,
      commands: steps.length,
      failed,
      position,
      keys: {
        admin: started.adminToken,
        analyst: await keyFor('analyst'),
        auditor: await keyFor('auditor'),
      },
    };
  } finally {
    await started?.close();
    clock.uninstall();
  }
};
