import fc from 'fast-check';
import type { RecordedEvent } from '@crm/eventsourcing';
import { InMemoryProjectionContext } from '@crm/eventsourcing';
import { pipelineSteps, runSteps } from '../testing/pipeline-history.arbitrary';
import type { ActivityDocument } from './activity.document';
import { ACTIVITIES } from './activity.document';
import { activitiesProjection } from './activities.projection';

type Expected = {
  status: string;
  dueAt: string | null;
  assigneeId: string | null;
  customerId: string;
};

/** Independent fold: each activity stream, event by event, from the event contracts alone. */
const oracle = (events: readonly RecordedEvent[]): Map<string, Expected> => {
  const activities = new Map<string, Expected>();
  for (const { type, data } of events.filter((e) => e.streamId.startsWith('activity-'))) {
    const id = String(data.activityId);
    const current = activities.get(id);
    const customerId = String(data.customerId);
    if (type === 'ActivityLogged')
      activities.set(id, { status: 'logged', dueAt: null, assigneeId: null, customerId });
    if (type === 'TaskScheduled')
      activities.set(id, {
        status: 'open',
        dueAt: String(data.dueAt),
        assigneeId: String(data.assigneeId),
        customerId,
      });
    if (!current) continue;
    if (type === 'TaskRescheduled') activities.set(id, { ...current, dueAt: String(data.dueAt) });
    if (type === 'TaskReassigned')
      activities.set(id, { ...current, assigneeId: String(data.assigneeId) });
    if (type === 'TaskCompleted') activities.set(id, { ...current, status: 'completed' });
  }
  return activities;
};

const forgotten = (customerId: string, position: number): RecordedEvent => ({
  streamId: `customer-${customerId}`,
  revision: 9,
  position,
  type: 'CustomerForgotten',
  data: { customerId },
  metadata: {
    eventId: `f-${position}`,
    commandId: 'c',
    correlationId: 'r',
    causationId: 'c',
    actor: { id: 'admin', role: 'admin' },
    occurredAt: '2027-01-01T00:00:00.000Z',
    schemaVersion: 1,
    customerId,
  },
  recordedAt: '2027-01-01T00:00:00.000Z',
});

describe('activities read model (property)', () => {
  it('holds each activity as an independent fold of random legal histories leaves it', async () => {
    await fc.assert(
      fc.asyncProperty(pipelineSteps(), async (steps) => {
        const events = runSteps(steps);
        const context = await InMemoryProjectionContext.fold([activitiesProjection], events);
        const projected = new Map(
          context.all<ActivityDocument>(ACTIVITIES).map((a) => [
            a.activityId,
            {
              status: a.status,
              dueAt: a.dueAt,
              assigneeId: a.assigneeId,
              customerId: a.customerId,
            },
          ]),
        );
        expect(projected).toEqual(oracle(events));
      }),
      { numRuns: 200 },
    );
  });

  it('erases the subjects of a forgotten customer’s activities, those written before and after', async () => {
    await fc.assert(
      fc.asyncProperty(pipelineSteps(), fc.nat(), async (steps, cut) => {
        const events = runSteps(steps);
        const at = cut % (events.length + 1);
        const customerId = '00000000-0000-4000-8000-000000000001';
        const history = [...events.slice(0, at), forgotten(customerId, 1), ...events.slice(at)].map(
          (e, i) => ({ ...e, position: i + 1 }),
        );
        const context = await InMemoryProjectionContext.fold([activitiesProjection], history);
        for (const activity of context.all<ActivityDocument>(ACTIVITIES)) {
          const erased = activity.customerId === customerId;
          expect(activity.erased).toBe(erased);
          expect(activity.subject === '[erased]').toBe(erased);
        }
      }),
      { numRuns: 100 },
    );
  });
});
