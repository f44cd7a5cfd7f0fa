import type { DomainEvent } from '@crm/eventsourcing';

export const activityStreamId = (activityId: string): string => `activity-${activityId}`;

/** Logged after the fact; a task is scheduled ahead and completed later. */
export const LOGGED_ACTIVITY_KINDS = ['call', 'meeting', 'email'] as const;
export type LoggedActivityKind = (typeof LOGGED_ACTIVITY_KINDS)[number];

/**
 * Every activity is about a customer (its key seals the notes, and forgetting the customer
 * shreds them), and optionally about one of that customer's opportunities.
 */
type ActivityData<Data> = {
  activityId: string;
  customerId: string;
  opportunityId: string | null;
  at: string;
} & Data;

export type ActivityLogged = DomainEvent<
  'ActivityLogged',
  ActivityData<{
    kind: LoggedActivityKind;
    subject: string;
    notes: string;
    occurredAt: string;
    loggedBy: string;
  }>
>;
export type TaskScheduled = DomainEvent<
  'TaskScheduled',
  ActivityData<{ subject: string; notes: string; dueAt: string; assigneeId: string }>
>;
export type TaskRescheduled = DomainEvent<'TaskRescheduled', ActivityData<{ dueAt: string }>>;
export type TaskReassigned = DomainEvent<'TaskReassigned', ActivityData<{ assigneeId: string }>>;
export type TaskCompleted = DomainEvent<'TaskCompleted', ActivityData<{ completedBy: string }>>;

export type ActivityEvent =
  ActivityLogged | TaskScheduled | TaskRescheduled | TaskReassigned | TaskCompleted;

/** Free-text notes are personal data: sealed with the customer's key, as customers' notes are. */
export const activityPiiFields: Readonly<Record<string, Readonly<Record<string, 'text'>>>> = {
  ActivityLogged: { notes: 'text' },
  TaskScheduled: { notes: 'text' },
};

type Subject = { activityId: string; customerId: string; opportunityId: string | null };
export type ActivityState =
  | { status: 'none' }
  | (Subject & { status: 'logged'; kind: LoggedActivityKind })
  | (Subject & { status: 'task-open'; dueAt: string; assigneeId: string })
  | (Subject & { status: 'task-completed'; completedAt: string });
export type ExistingActivity = Exclude<ActivityState, { status: 'none' }>;
export type OpenTask = Extract<ActivityState, { status: 'task-open' }>;

export const initialActivityState: ActivityState = { status: 'none' };

export const evolveActivity = (state: ActivityState, event: ActivityEvent): ActivityState => {
  const { activityId, customerId, opportunityId } = event.data;
  const subject = { activityId, customerId, opportunityId };
  switch (event.type) {
    case 'ActivityLogged':
      return { ...subject, status: 'logged', kind: event.data.kind };
    case 'TaskScheduled':
      return { ...subject, status: 'task-open', ...pick(event.data) };
    case 'TaskRescheduled':
      return state.status === 'task-open' ? { ...state, dueAt: event.data.dueAt } : state;
    case 'TaskReassigned':
      return state.status === 'task-open' ? { ...state, assigneeId: event.data.assigneeId } : state;
    case 'TaskCompleted':
      return state.status === 'none'
        ? state
        : { ...subject, status: 'task-completed', completedAt: event.data.at };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
};

const pick = ({ dueAt, assigneeId }: TaskScheduled['data']) => ({ dueAt, assigneeId });
