import { customerLink, idCell } from '../links';
import type { ApiClient } from '../api';
import type { Activity, ActivityPage } from '../contract';
import { h, stat, table } from '../dom';
import { formatCount, formatDateTime } from '../format';
import { createPanel, failureText } from '../panel';

const PAGE = 500;
/** Pages of the queue read to count it; past that the count says "+". */
const MAX_PAGES = 20;
/** The most overdue tasks listed (the API answers earliest due first). */
export const SHOWN = 5;
const HOUR_MS = 3_600_000;

/** How long ago a due time passed: `3 h`, `2 d`. */
export const overdueFor = (dueAt: string | null, now: number): string => {
  if (!dueAt) return '–';
  const hours = Math.max(0, (now - Date.parse(dueAt)) / HOUR_MS);
  return hours < 48 ? `${Math.floor(hours)} h` : `${Math.floor(hours / 24)} d`;
};

/** GET /activities?overdue=true: open tasks past their due time, earliest due first. */
export const followUpsPanel = (api: ApiClient): HTMLElement => {
  const panel = createPanel(
    'follow-ups',
    'Follow-ups: overdue tasks',
    'Open tasks past their due time, the most overdue first',
    true,
  );
  const load = async (): Promise<void> => {
    panel.loading();
    const tasks: Activity[] = [];
    let cursor: string | undefined;
    let more = false;
    for (let page = 0; ; page += 1) {
      const result = await api.get<ActivityPage>('/activities', {
        overdue: true,
        limit: PAGE,
        cursor,
      });
      if (!result.ok) {
        // A later page failing still leaves the first pages to show; the first failing does not.
        if (page === 0) return panel.fail(result);
        more = true;
        panel.tools.replaceChildren(
          h('span', { class: 'muted small', text: `Counted in part: ${failureText(result)}` }),
        );
        break;
      }
      tasks.push(...result.body.items);
      if (!result.body.nextCursor) break;
      if (page + 1 >= MAX_PAGES) {
        more = true;
        break;
      }
      cursor = result.body.nextCursor;
    }
    const plus = more ? '+' : '';
    const byAssignee = new Map<string, number>();
    for (const task of tasks) {
      const assignee = task.assigneeId ?? '–';
      byAssignee.set(assignee, (byAssignee.get(assignee) ?? 0) + 1);
    }
    const stats = h(
      'div',
      { class: 'stats' },
      stat('Overdue tasks', `${formatCount(tasks.length)}${plus}`, 'follow-ups-count'),
      stat('Assignees with overdue tasks', formatCount(byAssignee.size), 'follow-ups-assignees'),
      tasks[0] &&
        stat(
          'Due longest ago',
          formatDateTime(tasks[0].dueAt),
          'follow-ups-oldest',
          'The most overdue task',
        ),
    );
    if (tasks.length === 0) {
      panel.ready(stats, h('div', { class: 'notice empty', text: 'No task is overdue.' }));
      return;
    }
    const now = Date.now();
    panel.ready(
      stats,
      h(
        'div',
        { class: 'split' },
        h(
          'div',
          {},
          h('h3', { text: `The ${Math.min(SHOWN, tasks.length)} most overdue` }),
          table(
            ['Due', 'Overdue by', 'Assignee', 'Subject', 'Customer', 'Opportunity'],
            tasks
              .slice(0, SHOWN)
              .map((task) => [
                formatDateTime(task.dueAt),
                h('span', { class: 'bad', text: overdueFor(task.dueAt, now) }),
                task.assigneeId ?? '–',
                task.subject,
                customerLink(task.customerId),
                task.opportunityId ? idCell(task.opportunityId) : '–',
              ]),
            { testid: 'follow-ups', rowTestid: 'follow-up-row' },
          ),
        ),
        h(
          'div',
          {},
          h('h3', { text: 'Per assignee' }),
          table(
            ['Assignee', 'Overdue'],
            [...byAssignee.entries()]
              .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
              .map(([assignee, n]) => [assignee, formatCount(n)]),
            {
              numeric: [1],
              testid: 'follow-ups-assignees-table',
              rowTestid: 'follow-up-assignee-row',
            },
          ),
        ),
      ),
    );
  };
  void load();
  return panel.root;
};
