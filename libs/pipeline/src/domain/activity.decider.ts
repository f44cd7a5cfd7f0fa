import type { Decider, DomainError } from '@crm/eventsourcing';
import { domainError, isDomainError } from '@crm/eventsourcing';
import type {
  ActivityEvent,
  ActivityState,
  ExistingActivity,
  LoggedActivityKind,
  OpenTask,
} from './activity';
import { evolveActivity, initialActivityState, LOGGED_ACTIVITY_KINDS } from './activity';

/** `at` is when the command happened (ISO, UTC); `occurredAt` when the call or meeting was. */
export type LogActivity = {
  type: 'LogActivity';
  activityId: string;
  kind: LoggedActivityKind;
  customerId: string;
  opportunityId: string | null;
  subject: string;
  notes: string;
  occurredAt: string;
  loggedBy: string;
  at: string;
};
export type ScheduleTask = {
  type: 'ScheduleTask';
  activityId: string;
  customerId: string;
  opportunityId: string | null;
  subject: string;
  notes: string;
  dueAt: string;
  assigneeId: string;
  at: string;
};
export type CompleteTask = {
  type: 'CompleteTask';
  activityId: string;
  completedBy: string;
  at: string;
};
export type RescheduleTask = {
  type: 'RescheduleTask';
  activityId: string;
  dueAt: string;
  at: string;
};
export type ReassignTask = {
  type: 'ReassignTask';
  activityId: string;
  assigneeId: string;
  at: string;
};
export type ActivityCommand =
  LogActivity | ScheduleTask | RescheduleTask | ReassignTask | CompleteTask;

type Decision = readonly ActivityEvent[] | DomainError;

export const activityErrors = {
  notFound: (activityId: string): DomainError =>
    domainError('not_found', 'ACTIVITY_NOT_FOUND', `activity ${activityId} does not exist`),
  alreadyExists: (state: ExistingActivity): DomainError =>
    domainError(
      'conflict',
      'ACTIVITY_ALREADY_EXISTS',
      `activity ${state.activityId} already exists (status ${state.status})`,
    ),
  notATask: (state: ExistingActivity & { status: 'logged' }): DomainError =>
    domainError(
      'conflict',
      'ACTIVITY_NOT_A_TASK',
      `activity ${state.activityId} is a logged ${state.kind}, not a task; only tasks complete`,
    ),
  alreadyCompleted: (activityId: string, completedAt: string): DomainError =>
    domainError(
      'conflict',
      'TASK_ALREADY_COMPLETED',
      `task ${activityId} was already completed at ${completedAt}`,
    ),
  invalidKind: (kind: string): DomainError =>
    domainError(
      'invalid',
      'INVALID_ACTIVITY_KIND',
      `${kind} is not an activity to log; use one of ${LOGGED_ACTIVITY_KINDS.join(', ')}, or schedule a task`,
    ),
  emptySubject: (activityId: string): DomainError =>
    domainError('invalid', 'ACTIVITY_SUBJECT_EMPTY', `activity ${activityId} needs a subject`),
  invalidTime: (field: string, value: string): DomainError =>
    domainError('invalid', 'INVALID_ACTIVITY_TIME', `${field} ${value} is not an ISO date-time`),
};

const isDateTime = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
  !Number.isNaN(Date.parse(value));

const log = (command: LogActivity, state: ActivityState): Decision => {
  if (state.status !== 'none') return activityErrors.alreadyExists(state);
  if (!(LOGGED_ACTIVITY_KINDS as readonly string[]).includes(command.kind)) {
    return activityErrors.invalidKind(command.kind);
  }
  if (command.subject.trim() === '') return activityErrors.emptySubject(command.activityId);
  if (!isDateTime(command.occurredAt)) {
    return activityErrors.invalidTime('occurredAt', command.occurredAt);
  }
  const { type: _type, ...data } = command;
  return [{ type: 'ActivityLogged', data }];
};

const schedule = (command: ScheduleTask, state: ActivityState): Decision => {
  if (state.status !== 'none') return activityErrors.alreadyExists(state);
  if (command.subject.trim() === '') return activityErrors.emptySubject(command.activityId);
  if (!isDateTime(command.dueAt)) return activityErrors.invalidTime('dueAt', command.dueAt);
  const { type: _type, ...data } = command;
  return [{ type: 'TaskScheduled', data }];
};

/** The open task a command acts on, or why there is none. */
const openTask = (activityId: string, state: ActivityState): OpenTask | DomainError => {
  switch (state.status) {
    case 'none':
      return activityErrors.notFound(activityId);
    case 'logged':
      return activityErrors.notATask(state);
    case 'task-completed':
      return activityErrors.alreadyCompleted(state.activityId, state.completedAt);
    case 'task-open':
      return state;
    default: {
      const unknownState: never = state;
      return unknownState;
    }
  }
};

const about = ({ activityId, customerId, opportunityId }: OpenTask, at: string) => ({
  activityId,
  customerId,
  opportunityId,
  at,
});

const reschedule = (command: RescheduleTask, task: OpenTask): Decision => {
  if (!isDateTime(command.dueAt)) return activityErrors.invalidTime('dueAt', command.dueAt);
  if (command.dueAt === task.dueAt) return [];
  return [{ type: 'TaskRescheduled', data: { ...about(task, command.at), dueAt: command.dueAt } }];
};

const reassign = (command: ReassignTask, task: OpenTask): Decision => {
  if (command.assigneeId === task.assigneeId) return [];
  const data = { ...about(task, command.at), assigneeId: command.assigneeId };
  return [{ type: 'TaskReassigned', data }];
};

const complete = (command: CompleteTask, task: OpenTask): Decision => [
  { type: 'TaskCompleted', data: { ...about(task, command.at), completedBy: command.completedBy } },
];

const onOpenTask = (
  command: RescheduleTask | ReassignTask | CompleteTask,
  state: ActivityState,
): Decision => {
  const task = openTask(command.activityId, state);
  if (isDomainError(task)) return task;
  switch (command.type) {
    case 'RescheduleTask':
      return reschedule(command, task);
    case 'ReassignTask':
      return reassign(command, task);
    case 'CompleteTask':
      return complete(command, task);
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
};

export const decideActivity = (command: ActivityCommand, state: ActivityState): Decision => {
  switch (command.type) {
    case 'LogActivity':
      return log(command, state);
    case 'ScheduleTask':
      return schedule(command, state);
    case 'RescheduleTask':
    case 'ReassignTask':
    case 'CompleteTask':
      return onOpenTask(command, state);
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
};

export const activityDecider: Decider<ActivityCommand, ActivityEvent, ActivityState> = {
  decide: decideActivity,
  evolve: evolveActivity,
  initialState: initialActivityState,
};
