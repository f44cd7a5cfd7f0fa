import { deciderSpec } from '@crm/eventsourcing/testing';
import type { ActivityEvent, LoggedActivityKind } from './activity';
import { activityPiiFields, activityStreamId } from './activity';
import type { LogActivity, ScheduleTask } from './activity.decider';
import { activityDecider } from './activity.decider';

const spec = deciderSpec(activityDecider);
const activityId = 'ac-1';
const customerId = 'cu-1';
const t0 = '2026-03-02T10:00:00.000Z';
const t1 = '2026-03-03T16:30:00.000Z';
const about = { activityId, customerId, opportunityId: 'op-1' };

const logCommand = (overrides: Partial<LogActivity> = {}): LogActivity => ({
  type: 'LogActivity',
  ...about,
  kind: 'call',
  subject: 'Discovery call',
  notes: 'Wants delivery before Q3',
  occurredAt: '2026-03-02T09:30:00.000Z',
  loggedBy: 'rep-1',
  at: t0,
  ...overrides,
});
const scheduleCommand = (overrides: Partial<ScheduleTask> = {}): ScheduleTask => ({
  type: 'ScheduleTask',
  ...about,
  subject: 'Send proposal',
  notes: 'Include the fleet discount',
  dueAt: '2026-03-06T17:00:00.000Z',
  assigneeId: 'rep-2',
  at: t0,
  ...overrides,
});
const complete = { type: 'CompleteTask' as const, activityId, completedBy: 'rep-2', at: t1 };
const reschedule = (dueAt: string) => ({
  type: 'RescheduleTask' as const,
  activityId,
  dueAt,
  at: t1,
});
const reassign = (assigneeId: string) => ({
  type: 'ReassignTask' as const,
  activityId,
  assigneeId,
  at: t1,
});
const taskCommands = () =>
  [
    ['reschedule', reschedule('2026-03-09T17:00:00.000Z')],
    ['reassign', reassign('rep-3')],
    ['complete', complete],
  ] as const;

const logged = (kind: LoggedActivityKind = 'call'): ActivityEvent => {
  const { type: _type, ...data } = logCommand({ kind });
  return { type: 'ActivityLogged', data };
};
const scheduled = (): ActivityEvent => {
  const { type: _type, ...data } = scheduleCommand();
  return { type: 'TaskScheduled', data };
};
const completed: ActivityEvent = {
  type: 'TaskCompleted',
  data: { ...about, completedBy: 'rep-2', at: t1 },
};

describe('activity decider', () => {
  it('names its stream activity-<id>', () => {
    expect(activityStreamId('ac-1')).toBe('activity-ac-1');
  });

  it('marks free-text notes as personal data to seal', () => {
    expect(activityPiiFields).toEqual({
      ActivityLogged: { notes: 'text' },
      TaskScheduled: { notes: 'text' },
    });
  });

  describe('given no activity', () => {
    it.each(['call', 'meeting', 'email'] as const)('logs a %s against an opportunity', (kind) => {
      spec
        .given([])
        .when(logCommand({ kind }))
        .then([logged(kind)]);
    });

    it('logs an activity against a customer only', () => {
      spec
        .given([])
        .when(logCommand({ opportunityId: null }))
        .then([
          {
            type: 'ActivityLogged',
            data: { ...logged().data, opportunityId: null },
          } as ActivityEvent,
        ]);
    });

    it('refuses to log a task: tasks are scheduled', () => {
      spec
        .given([])
        .when(logCommand({ kind: 'task' as LoggedActivityKind }))
        .thenFails('INVALID_ACTIVITY_KIND', /schedule a task/);
    });

    it('refuses an activity without a subject', () => {
      spec
        .given([])
        .when(logCommand({ subject: '' }))
        .thenFails('ACTIVITY_SUBJECT_EMPTY');
    });

    it('refuses an occurrence time that is not an ISO date-time', () => {
      spec
        .given([])
        .when(logCommand({ occurredAt: 'yesterday' }))
        .thenFails('INVALID_ACTIVITY_TIME');
    });

    it('schedules a task with a due time and an assignee', () => {
      spec.given([]).when(scheduleCommand()).then([scheduled()]);
    });

    it('refuses a task without a subject', () => {
      spec
        .given([])
        .when(scheduleCommand({ subject: ' ' }))
        .thenFails('ACTIVITY_SUBJECT_EMPTY');
    });

    it('refuses a due time that is not an ISO date-time', () => {
      spec
        .given([])
        .when(scheduleCommand({ dueAt: '2026-03-06' }))
        .thenFails('INVALID_ACTIVITY_TIME', /dueAt/);
    });

    it.each(taskCommands())('refuses to %s a task that does not exist', (_action, command) => {
      spec.given([]).when(command).thenFails('ACTIVITY_NOT_FOUND');
    });
  });

  describe('given a logged activity', () => {
    it('refuses to log it again', () => {
      spec.given([logged()]).when(logCommand()).thenFails('ACTIVITY_ALREADY_EXISTS');
    });

    it('refuses to schedule a task under its id', () => {
      spec.given([logged()]).when(scheduleCommand()).thenFails('ACTIVITY_ALREADY_EXISTS');
    });

    it.each(taskCommands())('refuses to %s it: it is not a task', (_action, command) => {
      spec
        .given([logged('meeting')])
        .when(command)
        .thenFails('ACTIVITY_NOT_A_TASK', /meeting/);
    });
  });

  describe('given an open task', () => {
    it('completes it, naming who did', () => {
      spec.given([scheduled()]).when(complete).then([completed]);
    });

    it('reschedules it to a new due time', () => {
      const dueAt = '2026-03-09T17:00:00.000Z';
      spec
        .given([scheduled()])
        .when(reschedule(dueAt))
        .then([{ type: 'TaskRescheduled', data: { ...about, at: t1, dueAt } }]);
    });

    it('records nothing when rescheduled to the same due time', () => {
      spec.given([scheduled()]).when(reschedule('2026-03-06T17:00:00.000Z')).then([]);
    });

    it('refuses a new due time that is not an ISO date-time', () => {
      spec.given([scheduled()]).when(reschedule('next week')).thenFails('INVALID_ACTIVITY_TIME');
    });

    it('reassigns it', () => {
      spec
        .given([scheduled()])
        .when(reassign('rep-3'))
        .then([{ type: 'TaskReassigned', data: { ...about, at: t1, assigneeId: 'rep-3' } }]);
    });

    it('records nothing when reassigned to its assignee', () => {
      spec.given([scheduled()]).when(reassign('rep-2')).then([]);
    });

    it('keeps the new due time and assignee for later commands', () => {
      const rescheduled: ActivityEvent = {
        type: 'TaskRescheduled',
        data: { ...about, at: t1, dueAt: '2026-03-09T17:00:00.000Z' },
      };
      const reassigned: ActivityEvent = {
        type: 'TaskReassigned',
        data: { ...about, at: t1, assigneeId: 'rep-3' },
      };
      spec
        .given([scheduled(), rescheduled, reassigned])
        .when(reschedule('2026-03-09T17:00:00.000Z'))
        .then([]);
      spec.given([scheduled(), rescheduled, reassigned]).when(reassign('rep-3')).then([]);
    });

    it('refuses to schedule it again', () => {
      spec.given([scheduled()]).when(scheduleCommand()).thenFails('ACTIVITY_ALREADY_EXISTS');
    });
  });

  describe('given a completed task', () => {
    it.each(taskCommands())('refuses to %s it', (_action, command) => {
      spec
        .given([scheduled(), completed])
        .when(command)
        .thenFails('TASK_ALREADY_COMPLETED', new RegExp(t1));
    });

    it('refuses to log an activity under its id', () => {
      spec.given([scheduled(), completed]).when(logCommand()).thenFails('ACTIVITY_ALREADY_EXISTS');
    });
  });
});
