import type { Projection, ProjectionContext, RecordedEvent } from '@crm/eventsourcing';
import type { ActivityEvent } from '../domain/activity';
import type { ActivityDocument } from './activity.document';
import { ACTIVITIES, ACTIVITIES_PROJECTION } from './activity.document';
import { eraseActivity, evolveActivityDocument } from './activities.evolve';
import { CUSTOMER_FORGOTTEN, customerIndex } from './customer-index';

export const ACTIVITY_EVENT_TYPES: readonly ActivityEvent['type'][] = [
  'ActivityLogged',
  'TaskScheduled',
  'TaskRescheduled',
  'TaskReassigned',
  'TaskCompleted',
];

const customers = customerIndex('pipeline_customer_activities');

const alreadyApplied = (document: { _position?: number } | null, event: RecordedEvent): boolean =>
  document?._position !== undefined && document._position >= event.position;

const forget = async (context: ProjectionContext, event: RecordedEvent): Promise<void> => {
  for (const id of await customers.forget(context, event)) {
    const activity = await context.get<ActivityDocument>(ACTIVITIES, id);
    if (activity)
      context.put(ACTIVITIES, { ...eraseActivity(activity), _position: event.position });
  }
};

/** The follow-up queue and every customer's activities; erases a forgotten customer's subjects. */
export const activitiesProjection: Projection = {
  name: ACTIVITIES_PROJECTION,
  collections: [
    {
      name: ACTIVITIES,
      indexes: [
        { field: 'when' },
        { fields: ['status', 'when'] },
        { fields: ['assigneeId', 'status', 'when'] },
        { fields: ['customerId', 'when'] },
        { fields: ['opportunityId', 'when'] },
      ],
    },
    customers.collection,
  ],
  handles: [...ACTIVITY_EVENT_TYPES, CUSTOMER_FORGOTTEN],
  async apply(event, context) {
    if (event.type === CUSTOMER_FORGOTTEN) return forget(context, event);
    const { activityId, customerId } = event.data;
    if (typeof activityId !== 'string' || typeof customerId !== 'string') return;
    const current = await context.get<ActivityDocument>(ACTIVITIES, activityId);
    if (alreadyApplied(current, event)) return;
    const next = evolveActivityDocument(current, event);
    if (!next) return;
    const forgotten = await customers.track(context, customerId, activityId);
    const visible = forgotten ? eraseActivity(next) : next;
    context.put(ACTIVITIES, { ...visible, _position: event.position });
  },
};
