import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from '../../../test/support/test-app';
import { startTestApp } from '../../../test/support/test-app';

let counter = 0;
const aCustomer = () => {
  counter += 1;
  return { name: `Ada Lovelace ${counter}`, email: `ada.${counter}@example.com` };
};

const stage = (stageId: string, probability: number, kind = 'open') => ({
  stageId,
  name: stageId,
  probability,
  kind,
});
const aDefinition = (overrides: Record<string, unknown> = {}) => ({
  name: 'New business',
  stages: [
    stage('qualify', 10),
    stage('propose', 50),
    stage('negotiate', 80),
    stage('won', 100, 'won'),
    stage('lost', 0, 'lost'),
  ],
  ...overrides,
});

const NOTES = 'Prefers calls after 6pm; daughter starts university in Leeds';
const UNKNOWN = '00000000-0000-4000-8000-000000000001';

/** Every byte of every SQLite file (and its WAL) in the data folder. */
const dataFolderBytes = (dataDir: string): Buffer =>
  Buffer.concat(
    readdirSync(dataDir)
      .filter((file) => /\.sqlite(-wal)?$/.test(file))
      .map((file) => readFileSync(join(dataDir, file))),
  );

type HistoryEvent = { type: string; streamId: string; data: Record<string, any> };

describe('pipeline commands over HTTP', () => {
  let t: TestApp;
  let service: string;
  let analyst: string;
  let auditor: string;
  let customerId: string;
  let pipelineId: string;

  const newCustomer = async (): Promise<string> =>
    (await t.request('POST', '/customers', { key: service, body: aCustomer() })).body.id;
  const open = (body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    t.request('POST', '/opportunities', {
      key: service,
      headers,
      body: {
        customerId,
        pipelineId,
        title: 'Fleet renewal',
        amount: { amount: 1_250_000, currency: 'EUR' },
        expectedCloseDate: '2027-03-31',
        ownerId: 'rep-1',
        source: 'referral',
        ...body,
      },
    });
  const openId = async (body: Record<string, unknown> = {}): Promise<string> => {
    const opened = await open(body);
    expect(opened.status).toBe(201);
    return opened.body.id;
  };
  const act = (
    path: string,
    body?: unknown,
    options: { key?: string; headers?: Record<string, string> } = {},
  ) => t.request('POST', path, { key: options.key ?? service, body, headers: options.headers });
  const history = async (id: string): Promise<HistoryEvent[]> => {
    const answer = await t.request('GET', `/customers/${id}/history?limit=500`, { key: auditor });
    expect(answer.status).toBe(200);
    return answer.body.events;
  };
  const eventsOf = async (id: string, streamId: string) =>
    (await history(id)).filter((e) => e.streamId === streamId);

  beforeAll(async () => {
    t = await startTestApp();
    service = await t.keyFor('service');
    analyst = await t.keyFor('analyst');
    auditor = await t.keyFor('auditor');
    customerId = await newCustomer();
    const defined = await t.request('POST', '/pipelines', { body: aDefinition() });
    expect(defined.status).toBe(201);
    pipelineId = defined.body.id;
  });
  afterAll(() => t.close());

  describe('pipelines (admin)', () => {
    it('defines a pipeline and answers its id, revision and position', async () => {
      const defined = await t.request('POST', '/pipelines', { body: aDefinition() });
      expect(defined.status).toBe(201);
      expect(defined.body).toEqual({
        id: expect.any(String),
        streamRevision: 0,
        position: expect.any(Number),
      });
    });

    it('refuses a service key: pipelines are configuration', async () => {
      const refused = await t.request('POST', '/pipelines', { key: service, body: aDefinition() });
      expect(refused.status).toBe(403);
    });

    it('refuses a definition with two won stages, naming the rule', async () => {
      const stages = [...aDefinition().stages, stage('won-again', 100, 'won')];
      const refused = await t.request('POST', '/pipelines', { body: aDefinition({ stages }) });
      expect(refused.status).toBe(400);
      expect(refused.body.details[0]).toMatchObject({ field: 'stages', rule: 'isPipelineStages' });
      expect(refused.body.message).toMatch(/2 won stages/);
    });

    it('refuses a probability above 100, naming the field and rule', async () => {
      const stages = [stage('qualify', 101), ...aDefinition().stages.slice(1)];
      const refused = await t.request('POST', '/pipelines', { body: aDefinition({ stages }) });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'stages.0.probability', rule: 'max' }),
        ]),
      );
    });

    it('puts a new version in force, and records nothing when nothing changes', async () => {
      const { body } = await t.request('POST', '/pipelines', { body: aDefinition() });
      const renamed = aDefinition({ name: 'Renewals' });
      const changed = await t.request('PUT', `/pipelines/${body.id}`, { body: renamed });
      expect(changed.status).toBe(200);
      expect(changed.body.streamRevision).toBe(1);
      const again = await t.request('PUT', `/pipelines/${body.id}`, { body: renamed });
      expect(again.status).toBe(200);
      expect(again.body.streamRevision).toBe(1);
    });

    it('answers 404 when changing a pipeline that was never defined', async () => {
      const missing = await t.request('PUT', `/pipelines/${UNKNOWN}`, { body: aDefinition() });
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('PIPELINE_NOT_FOUND');
    });
  });

  describe('opportunities', () => {
    it('opens one in the first open stage, under the definition in force, about its customer', async () => {
      const id = await openId();
      const [opened] = await eventsOf(customerId, `opportunity-${id}`);
      expect(opened).toMatchObject({
        type: 'OpportunityOpened',
        data: {
          opportunityId: id,
          customerId,
          pipelineId,
          pipelineVersion: 1,
          stageId: 'qualify',
          probability: 10,
          amount: { amount: 1_250_000, currency: 'EUR' },
        },
      });
    });

    it('answers 404 for a customer or a pipeline that does not exist', async () => {
      const noCustomer = await open({ customerId: UNKNOWN });
      expect(noCustomer.status).toBe(404);
      const noPipeline = await open({ pipelineId: UNKNOWN });
      expect(noPipeline.status).toBe(404);
      expect(noPipeline.body.code).toBe('PIPELINE_NOT_FOUND');
    });

    it('refuses money that is not integer minor units of an ISO 4217 currency', async () => {
      const fractional = await open({ amount: { amount: 10.5, currency: 'EUR' } });
      expect(fractional.status).toBe(400);
      expect(fractional.body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'amount.amount', rule: 'isInt' }),
        ]),
      );
      const currency = await open({ amount: { amount: 100, currency: 'EUX' } });
      expect(currency.status).toBe(400);
      expect(currency.body.details[0]).toMatchObject({
        field: 'amount.currency',
        rule: 'isCurrencyCode',
      });
    });

    it('refuses an analyst: commands are for services', async () => {
      const refused = await t.request('POST', '/opportunities', { key: analyst, body: {} });
      expect(refused.status).toBe(403);
    });

    it('moves between open stages and refuses a terminal or unknown stage', async () => {
      const id = await openId();
      const moved = await act(`/opportunities/${id}/stage`, { stageId: 'propose' });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ id, streamRevision: 1 });
      const terminal = await act(`/opportunities/${id}/stage`, { stageId: 'won' });
      expect([terminal.status, terminal.body.code]).toEqual([400, 'STAGE_IS_TERMINAL']);
      const unknown = await act(`/opportunities/${id}/stage`, { stageId: 'demo' });
      expect([unknown.status, unknown.body.code]).toEqual([400, 'UNKNOWN_STAGE']);
      const missing = await act(`/opportunities/${UNKNOWN}/stage`, { stageId: 'propose' });
      expect([missing.status, missing.body.code]).toEqual([404, 'OPPORTUNITY_NOT_FOUND']);
    });

    it('validates moves against the definition in force after a change', async () => {
      const { body } = await t.request('POST', '/pipelines', { body: aDefinition() });
      const id = await openId({ pipelineId: body.id });
      const stages = [stage('discover', 20), ...aDefinition().stages];
      await t.request('PUT', `/pipelines/${body.id}`, { body: aDefinition({ stages }) });
      expect((await act(`/opportunities/${id}/stage`, { stageId: 'discover' })).status).toBe(200);
      const [, moved] = await eventsOf(customerId, `opportunity-${id}`);
      expect(moved?.data).toMatchObject({ stageId: 'discover', pipelineVersion: 2 });
    });

    it('changes amount, close date and owner', async () => {
      const id = await openId();
      const amount = await act(`/opportunities/${id}/amount`, {
        amount: { amount: 990_000, currency: 'EUR' },
      });
      const date = await act(`/opportunities/${id}/close-date`, {
        expectedCloseDate: '2027-06-30',
      });
      const owner = await act(`/opportunities/${id}/owner`, { ownerId: 'rep-2' });
      expect([amount.status, date.status, owner.status]).toEqual([200, 200, 200]);
      expect(owner.body.streamRevision).toBe(3);
      const types = (await eventsOf(customerId, `opportunity-${id}`)).map((e) => e.type);
      expect(types).toEqual([
        'OpportunityOpened',
        'OpportunityAmountChanged',
        'OpportunityCloseDateChanged',
        'OpportunityOwnerChanged',
      ]);
    });

    it('refuses a close date that is not on the calendar', async () => {
      const id = await openId();
      const refused = await act(`/opportunities/${id}/close-date`, {
        expectedCloseDate: '2027-02-30',
      });
      expect([refused.status, refused.body.code]).toEqual([400, 'INVALID_CLOSE_DATE']);
    });

    it('loses with a reason from the list, refuses changes while lost, and reopens in the stage it was lost from', async () => {
      const id = await openId();
      await act(`/opportunities/${id}/stage`, { stageId: 'negotiate' });
      const badReason = await act(`/opportunities/${id}/lose`, { reason: 'bored' });
      expect(badReason.status).toBe(400);
      expect(badReason.body.details[0]).toMatchObject({ field: 'reason', rule: 'isIn' });
      expect((await act(`/opportunities/${id}/lose`, { reason: 'price' })).status).toBe(200);
      const whileLost = await act(`/opportunities/${id}/owner`, { ownerId: 'rep-9' });
      expect([whileLost.status, whileLost.body.code]).toEqual([409, 'OPPORTUNITY_ALREADY_LOST']);
      expect((await act(`/opportunities/${id}/reopen`, {})).status).toBe(200);
      const reopened = (await eventsOf(customerId, `opportunity-${id}`)).at(-1);
      expect(reopened).toMatchObject({
        type: 'OpportunityReopened',
        data: { stageId: 'negotiate' },
      });
      const again = await act(`/opportunities/${id}/reopen`);
      expect([again.status, again.body.code]).toEqual([409, 'OPPORTUNITY_NOT_LOST']);
    });

    it('wins without an order, and a won opportunity is final', async () => {
      const id = await openId();
      const won = await act(`/opportunities/${id}/win`, {});
      expect(won.status).toBe(200);
      expect(won.body).toEqual({
        id,
        streamRevision: 1,
        position: expect.any(Number),
        orderId: null,
      });
      const again = await act(`/opportunities/${id}/lose`, { reason: 'price' });
      expect([again.status, again.body.code]).toEqual([409, 'OPPORTUNITY_ALREADY_WON']);
    });

    it('wins placing the order through sales, each recording the other', async () => {
      const id = await openId({ campaignId: undefined });
      const won = await act(`/opportunities/${id}/win`, {
        order: { lines: [{ sku: 'FLEET-12', quantity: 12, unitPrice: 100_000 }] },
      });
      expect(won.status).toBe(200);
      const { orderId } = won.body;
      expect(orderId).toEqual(expect.any(String));
      const order = await t.request('GET', `/orders/${orderId}?minPosition=${won.body.position}`, {
        key: analyst,
      });
      expect(order.status).toBe(200);
      expect(order.body).toMatchObject({
        orderId,
        customerId,
        opportunityId: id,
        currency: 'EUR',
        total: { amount: 1_200_000, currency: 'EUR' },
      });
      const [, win] = await eventsOf(customerId, `opportunity-${id}`);
      expect(win).toMatchObject({ type: 'OpportunityWon', data: { orderId } });
    });

    it('refuses a win whose order sales would refuse, recording neither', async () => {
      const id = await openId();
      const tooBig = await act(`/opportunities/${id}/win`, {
        order: { lines: [{ sku: 'X', quantity: 1_000_000, unitPrice: 1_000_000_000_000_000 }] },
      });
      expect(tooBig.status).toBe(400);
      const noLines = await act(`/opportunities/${id}/win`, { order: { lines: [] } });
      expect(noLines.status).toBe(400);
      expect(noLines.body.details[0]).toMatchObject({ field: 'order.lines' });
      const types = (await eventsOf(customerId, `opportunity-${id}`)).map((e) => e.type);
      expect(types).toEqual(['OpportunityOpened']);
    });

    it('answers a retried open and a retried win-with-order as the first time, writing once', async () => {
      const key = { 'Idempotency-Key': `open-${Date.now()}-retry` };
      const first = await open({ title: 'Retried' }, key);
      const second = await open({ title: 'Retried' }, key);
      expect(first.status).toBe(201);
      expect(second.body).toEqual(first.body);
      const id: string = first.body.id;
      const winKey = { 'Idempotency-Key': `win-${Date.now()}-retry` };
      const order = { order: { lines: [{ sku: 'ONE', quantity: 1, unitPrice: 500 }] } };
      const won = await act(`/opportunities/${id}/win`, order, { headers: winKey });
      const retried = await act(`/opportunities/${id}/win`, order, { headers: winKey });
      expect(won.status).toBe(200);
      expect(retried.body).toEqual(won.body);
      const mine = await history(customerId);
      expect(mine.filter((e) => e.streamId === `opportunity-${id}`).map((e) => e.type)).toEqual([
        'OpportunityOpened',
        'OpportunityWon',
      ]);
      const orders = mine.filter((e) => e.type === 'OrderPlaced' && e.data.opportunityId === id);
      expect(orders).toHaveLength(1);
    });
  });

  describe('activities', () => {
    it('logs a call against a customer, and against an opportunity alone (its customer taken from it)', async () => {
      const logged = await act('/activities', {
        kind: 'call',
        customerId,
        subject: 'Intro call',
        notes: 'Short',
        occurredAt: '2026-12-01T10:00:00Z',
        loggedBy: 'rep-1',
      });
      expect(logged.status).toBe(201);
      const opportunityId = await openId();
      const onDeal = await act('/activities', {
        kind: 'meeting',
        opportunityId,
        subject: 'Demo',
        occurredAt: '2026-12-02T10:00:00Z',
        loggedBy: 'rep-1',
      });
      expect(onDeal.status).toBe(201);
      const [event] = await eventsOf(customerId, `activity-${onDeal.body.id}`);
      expect(event).toMatchObject({
        type: 'ActivityLogged',
        data: { customerId, opportunityId, kind: 'meeting', notes: '' },
      });
    });

    it('refuses an activity about nobody, or about another customer’s opportunity', async () => {
      const base = {
        kind: 'email',
        subject: 'Follow-up',
        occurredAt: '2026-12-01T10:00:00Z',
        loggedBy: 'rep-1',
      };
      const nobody = await act('/activities', base);
      expect(nobody.status).toBe(400);
      expect(nobody.body.details[0]).toMatchObject({
        field: 'customerId',
        rule: 'customerIdOrOpportunityId',
      });
      const opportunityId = await openId();
      const other = await newCustomer();
      const mismatch = await act('/activities', { ...base, customerId: other, opportunityId });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.details[0]).toMatchObject({
        field: 'opportunityId',
        rule: 'isOpportunityOfCustomer',
      });
      const unknown = await act('/activities', { ...base, opportunityId: UNKNOWN });
      expect(unknown.status).toBe(404);
      const unknownCustomer = await act('/activities', { ...base, customerId: UNKNOWN });
      expect(unknownCustomer.status).toBe(404);
    });

    it('refuses a time without an offset, naming the field', async () => {
      const refused = await act('/activities/tasks', {
        customerId,
        subject: 'Send quote',
        dueAt: '2027-01-10 17:00',
        assigneeId: 'rep-1',
      });
      expect(refused.status).toBe(400);
      expect(refused.body.details[0]).toMatchObject({ field: 'dueAt', rule: 'matches' });
    });

    it('schedules a task, reschedules, reassigns and completes it; a completed task stays completed', async () => {
      const scheduled = await act('/activities/tasks', {
        customerId,
        subject: 'Send quote',
        dueAt: '2027-01-10T17:00:00Z',
        assigneeId: 'rep-1',
      });
      expect(scheduled.status).toBe(201);
      const id: string = scheduled.body.id;
      expect(
        (await act(`/activities/${id}/reschedule`, { dueAt: '2027-01-12T17:00:00Z' })).status,
      ).toBe(200);
      expect((await act(`/activities/${id}/reassign`, { assigneeId: 'rep-2' })).status).toBe(200);
      const completed = await act(`/activities/${id}/complete`, { completedBy: 'rep-2' });
      expect(completed.body.streamRevision).toBe(3);
      const again = await act(`/activities/${id}/complete`, { completedBy: 'rep-2' });
      expect([again.status, again.body.code]).toEqual([409, 'TASK_ALREADY_COMPLETED']);
      const missing = await act(`/activities/${UNKNOWN}/complete`, { completedBy: 'rep-2' });
      expect([missing.status, missing.body.code]).toEqual([404, 'ACTIVITY_NOT_FOUND']);
    });

    it('refuses to complete a logged call: only tasks complete', async () => {
      const logged = await act('/activities', {
        kind: 'call',
        customerId,
        subject: 'Check-in',
        occurredAt: '2026-12-01T10:00:00Z',
        loggedBy: 'rep-1',
      });
      const refused = await act(`/activities/${logged.body.id}/complete`, { completedBy: 'rep-1' });
      expect([refused.status, refused.body.code]).toEqual([409, 'ACTIVITY_NOT_A_TASK']);
    });
  });

  describe('personal data in notes', () => {
    it('seals notes in the store, shows them in the history, and erases them everywhere once the customer is forgotten', async () => {
      const forgetMe = await newCustomer();
      const opportunityId = await openId({ customerId: forgetMe });
      await act('/activities', {
        kind: 'call',
        opportunityId,
        subject: 'Discovery',
        notes: NOTES,
        occurredAt: '2026-12-01T10:00:00Z',
        loggedBy: 'rep-1',
      });
      await act('/activities/tasks', {
        customerId: forgetMe,
        subject: 'Call back',
        notes: `${NOTES} (task)`,
        dueAt: '2027-01-10T17:00:00Z',
        assigneeId: 'rep-1',
      });
      expect(dataFolderBytes(t.dataDir).includes(Buffer.from(NOTES))).toBe(false);
      const before = await history(forgetMe);
      expect(before.map((e) => e.type)).toEqual([
        'CustomerCreated',
        'OpportunityOpened',
        'ActivityLogged',
        'TaskScheduled',
      ]);
      expect(before[2]?.data.notes).toBe(NOTES);

      expect((await t.request('POST', `/customers/${forgetMe}/forget`)).status).toBe(200);
      const after = await history(forgetMe);
      expect(JSON.stringify(after)).not.toContain(NOTES);
      expect(
        after
          .filter((e) => e.type !== 'CustomerCreated' && 'notes' in e.data)
          .map((e) => e.data.notes),
      ).toEqual(['[erased]', '[erased]']);
      expect(dataFolderBytes(t.dataDir).includes(Buffer.from(NOTES))).toBe(false);
    });
  });
});
