import { ERASED } from '@crm/customers';
import type { RecordedEvent } from '@crm/eventsourcing';
import type { ActivityEvent } from '../domain/activity';
import type { ActivityDocument } from './activity.document';

/** What a forgotten customer's activity shows: the facts, not the words. */
export const eraseActivity = (document: ActivityDocument): ActivityDocument => ({
  ...document,
  subject: ERASED,
  erased: true,
});

const instant = (value: string): string => new Date(value).toISOString();

/** Pure fold of one activity event into the activity's document. */
export const evolveActivityDocument = (
  document: ActivityDocument | null,
  recorded: RecordedEvent,
): ActivityDocument | null => {
  const event = recorded as unknown as ActivityEvent;
  const { activityId, customerId, opportunityId, at } = event.data;
  const subject = { _id: activityId, activityId, customerId, opportunityId, createdAt: at };
  switch (event.type) {
    case 'ActivityLogged': {
      const occurredAt = instant(event.data.occurredAt);
      return {
        ...subject,
        kind: event.data.kind,
        subject: event.data.subject,
        status: 'logged',
        occurredAt,
        loggedBy: event.data.loggedBy,
        dueAt: null,
        assigneeId: null,
        completedAt: null,
        completedBy: null,
        when: occurredAt,
        erased: false,
      };
    }
    case 'TaskScheduled': {
      const dueAt = instant(event.data.dueAt);
      return {
        ...subject,
        kind: 'task',
        subject: event.data.subject,
        status: 'open',
        occurredAt: null,
        loggedBy: null,
        dueAt,
        assigneeId: event.data.assigneeId,
        completedAt: null,
        completedBy: null,
        when: dueAt,
        erased: false,
      };
    }
    case 'TaskRescheduled': {
      if (!document) return null;
      const dueAt = instant(event.data.dueAt);
      return { ...document, dueAt, when: dueAt };
    }
    case 'TaskReassigned':
      return document && { ...document, assigneeId: event.data.assigneeId };
    case 'TaskCompleted':
      return (
        document && {
          ...document,
          status: 'completed',
          completedAt: at,
          completedBy: event.data.completedBy,
        }
      );
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
};
