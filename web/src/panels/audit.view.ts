import type { ApiClient } from '../api';
import { clear, h } from '../dom';
import { formatCount, formatDateTime, shortId } from '../format';
import { createPanel, failureText, whenOk } from '../panel';
import { stateView } from './state.view';

export type HistoryEvent = {
  position: number;
  type: string;
  streamId: string;
  occurredAt: string | null;
  actor: string | null;
  data: unknown;
};

type Loose = Record<string, unknown>;
type HistoryPage = { items?: unknown[]; events?: unknown[]; nextCursor?: string | null };

const PAGE = 500;
const MAX_PAGES = 10;
const SLIDER_SETTLE_MS = 150;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const loose = (value: unknown): Loose =>
  typeof value === 'object' && value !== null ? (value as Loose) : {};
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** One entry of GET /customers/:id/history: the event and its metadata. */
export const toHistoryEvent = (raw: unknown): HistoryEvent => {
  const event = loose(raw);
  const metadata = loose(event.metadata);
  const actor = loose(metadata.actor ?? event.actor);
  return {
    position: typeof event.position === 'number' ? event.position : Number(event.position),
    type: text(event.type) ?? '?',
    streamId: text(event.streamId) ?? text(event.stream) ?? '',
    occurredAt: text(metadata.occurredAt) ?? text(event.occurredAt) ?? text(event.recordedAt),
    actor: text(actor.role) ?? text(actor.id),
    data: event.data ?? null,
  };
};

const itemsOf = (page: HistoryPage | unknown[]): unknown[] =>
  Array.isArray(page) ? page : (page.items ?? page.events ?? []);

const streamKind = (streamId: string): string => streamId.split('-')[0] ?? 'other';

const json = (value: unknown): HTMLElement =>
  h('pre', { class: 'json', text: JSON.stringify(value, null, 2) });

const openForm = (current: string | null): HTMLElement => {
  const input = h('input', {
    testid: 'audit-customer-id',
    attrs: {
      type: 'text',
      placeholder: 'Customer id (UUID)',
      'aria-label': 'Customer id',
      spellcheck: 'false',
      autocomplete: 'off',
      value: current ?? '',
    },
  });
  const error = h('span', { class: 'bad' });
  return h(
    'form',
    {
      class: 'inline-form',
      on: {
        submit: (event) => {
          event.preventDefault();
          const id = input.value.trim();
          if (!UUID.test(id)) {
            error.textContent = 'A customer id is a UUID.';
            return;
          }
          location.hash = `#/audit/${encodeURIComponent(id)}`;
        },
      },
    },
    input,
    h('button', { text: 'Open', testid: 'audit-open', attrs: { type: 'submit' } }),
    error,
  );
};

/** The auditor's view: a customer's full history and its state at any point of it. */
export const auditView = (api: ApiClient, customerId: string | null): HTMLElement => {
  const view = h(
    'div',
    { class: 'audit' },
    h(
      'div',
      { class: 'panel wide intro' },
      h('h2', { text: 'Customer audit' }),
      h('p', {
        class: 'muted',
        text: 'Every event about the customer, from the event store, and the state as it was after any of them.',
      }),
      openForm(customerId),
    ),
  );
  if (customerId) view.append(...customerAudit(api, customerId));
  return view;
};

const customerAudit = (api: ApiClient, customerId: string): HTMLElement[] => {
  const timeline = createPanel(
    'history',
    'History',
    `customer ${customerId}: every stream, in log order`,
  );
  const state = createPanel('state-at', 'State at', 'Move the slider to replay the history');
  const base = `/customers/${encodeURIComponent(customerId)}`;

  const load = async (): Promise<void> => {
    timeline.loading();
    state.loading();
    const first = await api.get<HistoryPage | unknown[]>(`${base}/history`, { limit: PAGE });
    const page = whenOk(timeline, first);
    if (!page) {
      if (!first.ok) state.fail(first);
      return;
    }
    const raw = itemsOf(page);
    let cursor = Array.isArray(page) ? null : (page.nextCursor ?? null);
    for (let n = 1; cursor && n < MAX_PAGES; n += 1) {
      const next = await api.get<HistoryPage>(`${base}/history`, { limit: PAGE, cursor });
      if (!next.ok) break;
      raw.push(...itemsOf(next.body));
      cursor = next.body.nextCursor ?? null;
    }
    const events = raw.map(toHistoryEvent).sort((a, b) => a.position - b.position);
    if (events.length === 0) {
      timeline.empty('No events about this customer.');
      state.empty('Nothing to replay.');
      return;
    }
    showHistory(api, base, events, timeline, state);
  };
  void load();
  return [timeline.root, state.root];
};

const showHistory = (
  api: ApiClient,
  base: string,
  events: readonly HistoryEvent[],
  timeline: ReturnType<typeof createPanel>,
  state: ReturnType<typeof createPanel>,
): void => {
  const items = events.map((event, index) => {
    const details = h('div', { class: 'event-data' }, json(event.data));
    details.hidden = true;
    const item = h(
      'li',
      {
        class: 'event',
        testid: 'timeline-event',
        attrs: { 'data-position': String(event.position) },
        on: {
          click: () => {
            details.hidden = !details.hidden;
            select(index);
          },
        },
      },
      h('time', { text: formatDateTime(event.occurredAt) }),
      h('span', { class: `badge stream-${streamKind(event.streamId)}`, text: event.type }),
      h('span', { class: 'mono muted', text: shortId(event.streamId), title: event.streamId }),
      h('span', { class: 'muted', text: event.actor ? `by ${event.actor}` : '' }),
      h('span', { class: 'mono muted', text: `#${event.position}` }),
      details,
    );
    return item;
  });
  timeline.ready(
    h('p', {
      class: 'muted',
      testid: 'history-count',
      text: `${formatCount(events.length)} events`,
    }),
    h('ol', { class: 'timeline' }, ...items),
  );

  const slider = h('input', {
    testid: 'state-slider',
    attrs: {
      type: 'range',
      min: '0',
      max: String(events.length - 1),
      step: '1',
      value: String(events.length - 1),
      'aria-label': 'Replay up to event',
    },
  });
  const caption = h('div', { class: 'slider-caption', testid: 'state-caption' });
  const output = h('div', { class: 'state-output', testid: 'audit-state' });
  let sequence = 0;
  let shown: unknown = undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const fetchState = async (event: HistoryEvent): Promise<void> => {
    const mine = (sequence += 1);
    output.dataset.loading = 'true';
    const result = await api.get<unknown>(`${base}/state`, { at: event.position });
    if (mine !== sequence) return;
    delete output.dataset.loading;
    output.dataset.position = String(event.position);
    if (!result.ok) {
      clear(output, h('div', { class: 'notice error', text: failureText(result) }));
      return;
    }
    clear(output, stateView(result.body, shown));
    shown = result.body;
  };

  const select = (index: number): void => {
    slider.value = String(index);
    const event = events[index];
    if (!event) return;
    items.forEach((item, i) => item.classList.toggle('future', i > index));
    items[index]?.classList.add('current');
    items.forEach((item, i) => i !== index && item.classList.remove('current'));
    clear(
      caption,
      h('strong', { text: `After event ${index + 1} of ${events.length}` }),
      ` · ${event.type} · position ${event.position} · ${formatDateTime(event.occurredAt)}`,
    );
    clearTimeout(timer);
    timer = setTimeout(() => void fetchState(event), SLIDER_SETTLE_MS);
  };

  slider.addEventListener('input', () => select(Number(slider.value)));
  state.ready(slider, caption, output);
  select(events.length - 1);
};
