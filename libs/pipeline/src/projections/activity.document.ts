import type { LoggedActivityKind } from '../domain/activity';

export const ACTIVITIES = 'pipeline_activities';
export const ACTIVITIES_PROJECTION = 'pipeline-activities';

export type ActivityKind = LoggedActivityKind | 'task';
export type ActivityStatus = 'logged' | 'open' | 'completed';

/**
 * One document per activity. Free-text notes are not kept here (they are sealed personal data;
 * a customer's history shows them); the subject is, and is erased when the customer is forgotten.
 */
export type ActivityDocument = {
  _id: string;
  activityId: string;
  customerId: string;
  opportunityId: string | null;
  kind: ActivityKind;
  subject: string;
  status: ActivityStatus;
  /** When the call or meeting happened (logged activities). */
  occurredAt: string | null;
  loggedBy: string | null;
  /** Tasks: when due and who does it. */
  dueAt: string | null;
  assigneeId: string | null;
  completedAt: string | null;
  completedBy: string | null;
  createdAt: string;
  /** What the queue sorts on: `dueAt` for a task, `occurredAt` for a logged activity. */
  when: string;
  erased: boolean;
  _position?: number;
};
