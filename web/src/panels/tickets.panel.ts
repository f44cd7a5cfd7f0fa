import type { ApiClient } from '../api';
import { h, stat, table } from '../dom';
import { formatCount, formatDateTime, humanize, shortId } from '../format';
import { createPanel, whenOk } from '../panel';

type Clock = { dueAt: string; stoppedAt: string | null; state: string };
type TicketRow = {
  ticketId: string;
  customerId: string;
  subject: string;
  status: string;
  category: string;
  channel: string;
  priority: string;
  agentId: string | null;
  openedAt: string;
  sla: { firstResponse: Clock; resolution: Clock };
};
type TicketPage = { items: TicketRow[]; nextCursor: string | null };

const LIMIT = 200;
const SHOWN = 50;

const countText = (page: TicketPage): string =>
  `${formatCount(page.items.length)}${page.nextCursor ? '+' : ''}`;

const breaches = (ticket: TicketRow): string =>
  (
    [
      ['first response', ticket.sla.firstResponse],
      ['resolution', ticket.sla.resolution],
    ] as const
  )
    .filter(([, clock]) => clock.state === 'breached')
    .map(([name, clock]) => `${name} (due ${formatDateTime(clock.dueAt)})`)
    .join(', ');

/** GET /tickets?breached=true: the open tickets past an SLA target (the queue to work on). */
export const ticketsPanel = (api: ApiClient): HTMLElement => {
  const panel = createPanel(
    'tickets',
    'Ticket queue: SLA breaches',
    'Open tickets with a first-response or resolution target missed, most urgent first',
    true,
  );
  const load = async (): Promise<void> => {
    panel.loading();
    const [openResult, allResult, atRiskResult] = await Promise.all([
      api.get<TicketPage>('/tickets', { breached: true, status: 'open', limit: LIMIT }),
      api.get<TicketPage>('/tickets', { breached: true, limit: LIMIT }),
      api.get<TicketPage>('/tickets', { atRisk: true, limit: LIMIT }),
    ]);
    const open = whenOk(panel, openResult);
    if (!open) return;
    const stats = h(
      'div',
      { class: 'stats' },
      stat('Open and breached', countText(open), 'tickets-breached-count'),
      atRiskResult.ok && stat('At risk', countText(atRiskResult.body), 'tickets-at-risk-count'),
      allResult.ok &&
        stat(
          'Breached, open or not',
          countText(allResult.body),
          'tickets-breached-all-count',
          'Includes tickets answered or resolved late',
        ),
    );
    if (open.items.length === 0) {
      panel.ready(
        stats,
        h('div', { class: 'notice empty', text: 'No open ticket is past its SLA.' }),
      );
      return;
    }
    panel.ready(
      stats,
      table(
        ['Ticket', 'Subject', 'Priority', 'Category', 'Channel', 'Agent', 'Opened', 'Breached'],
        open.items
          .slice(0, SHOWN)
          .map((t) => [
            h('span', { class: 'mono', text: shortId(t.ticketId), title: t.ticketId }),
            t.subject,
            h('span', { class: `badge priority-${t.priority}`, text: humanize(t.priority) }),
            t.category,
            humanize(t.channel),
            t.agentId ?? '–',
            formatDateTime(t.openedAt),
            h('span', { class: 'bad', text: breaches(t) }),
          ]),
        { testid: 'tickets', rowTestid: 'ticket-row' },
      ),
      open.items.length > SHOWN &&
        h('p', { class: 'muted', text: `Showing the first ${SHOWN} of ${countText(open)}.` }),
    );
  };
  void load();
  return panel.root;
};
