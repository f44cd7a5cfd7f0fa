import type { ApiClient } from '../api';
import { h, stat } from '../dom';
import { formatCount, formatDateTime, formatPercent, humanize } from '../format';
import { createPanel, whenOk } from '../panel';

type SegmentCount = { segment: string; customers: number };
type RfmCustomer = { customerId: string; segment: string; r: number; f: number; m: number };
type RfmReport = {
  asOf: string;
  customers: number;
  segments: SegmentCount[];
  items: RfmCustomer[];
  nextCursor: string | null;
};

/** Best first, as the grid reads left to right, top to bottom. */
const SEGMENT_ORDER = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new',
  'cant_lose',
  'at_risk',
  'hibernating',
  'lost',
];
const PAGE = 500;
/** Pages read for the recency × frequency grid; past this it says it shows a sample. */
const MAX_PAGES = 20;

const LABELS: Record<string, string> = { cant_lose: 'Can’t lose', at_risk: 'At risk' };

const DESCRIPTIONS: Record<string, string> = {
  champions: 'Recent, frequent, high spend (R≥4 F≥4 M≥4)',
  loyal: 'Buy often (R≥3 F≥4)',
  potential_loyalists: 'Recent buyers who could buy more (R≥3)',
  new: 'One recent order (R≥4)',
  cant_lose: 'Big spenders gone quiet (F≥4 M≥4)',
  at_risk: 'Used to buy, slipping away (F≥3 or M≥3)',
  hibernating: 'Long since the last order (R=2)',
  lost: 'Longest since the last order (R=1)',
};

const segmentGrid = (report: RfmReport): HTMLElement => {
  const counts = new Map(report.segments.map((s) => [s.segment, s.customers]));
  const names = [
    ...SEGMENT_ORDER.filter((name) => counts.has(name)),
    ...report.segments.map((s) => s.segment).filter((name) => !SEGMENT_ORDER.includes(name)),
  ];
  return h(
    'div',
    { class: 'segment-grid' },
    ...names.map((name, index) => {
      const customers = counts.get(name) ?? 0;
      const share = report.customers === 0 ? 0 : (100 * customers) / report.customers;
      return h(
        'div',
        {
          class: `segment-tile tone-${Math.min(index, 7)}`,
          testid: `rfm-segment-${name}`,
          title: DESCRIPTIONS[name] ?? name,
        },
        h('div', { class: 'segment-name', text: LABELS[name] ?? humanize(name) }),
        h('div', {
          class: 'segment-count',
          testid: `rfm-count-${name}`,
          text: formatCount(customers),
        }),
        h('div', { class: 'segment-share', text: formatPercent(share, 0) }),
      );
    }),
  );
};

/** Customers by recency (rows, 5 = most recent) and frequency (columns) score. */
const heatmap = (customers: readonly RfmCustomer[], complete: boolean): HTMLElement => {
  const cells = new Map<string, number>();
  for (const c of customers) cells.set(`${c.r}:${c.f}`, (cells.get(`${c.r}:${c.f}`) ?? 0) + 1);
  const max = Math.max(1, ...cells.values());
  const scores = [1, 2, 3, 4, 5];
  return h(
    'figure',
    { class: 'heatmap' },
    h(
      'div',
      { class: 'heatmap-grid', testid: 'rfm-heatmap' },
      h('div', { class: 'axis corner', text: 'R \\ F' }),
      ...scores.map((f) => h('div', { class: 'axis', text: String(f) })),
      ...[...scores].reverse().flatMap((r) => [
        h('div', { class: 'axis', text: String(r) }),
        ...scores.map((f) => {
          const n = cells.get(`${r}:${f}`) ?? 0;
          const cell = h('div', {
            class: 'heat',
            text: n ? formatCount(n) : '',
            title: `R ${r}, F ${f}: ${n} customers`,
          });
          cell.style.setProperty('--heat', String(n / max));
          return cell;
        }),
      ]),
    ),
    h('figcaption', {
      class: 'muted',
      text: `Recency (rows) × frequency (columns) scores${complete ? '' : `, first ${formatCount(customers.length)} customers`}`,
    }),
  );
};

const best = (report: RfmReport): number =>
  report.segments
    .filter((s) => s.segment === 'champions' || s.segment === 'loyal')
    .reduce((sum, s) => sum + s.customers, 0);

/** GET /analytics/rfm: segment sizes, and the scores of every customer paged through. */
export const rfmPanel = (api: ApiClient): HTMLElement => {
  const panel = createPanel('rfm', 'RFM segments', 'Recency, frequency and monetary quintiles');
  const load = async (): Promise<void> => {
    panel.loading();
    const first = whenOk(panel, await api.get<RfmReport>('/analytics/rfm', { limit: PAGE }));
    if (!first) return;
    if (first.customers === 0) return panel.empty('No customer has ordered yet.');
    const customers = [...first.items];
    let cursor = first.nextCursor;
    for (let page = 1; cursor && page < MAX_PAGES; page += 1) {
      const next = await api.get<RfmReport>('/analytics/rfm', { limit: PAGE, cursor });
      if (!next.ok) break;
      customers.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    panel.ready(
      h(
        'div',
        { class: 'stats' },
        stat('Customers scored', formatCount(first.customers), 'rfm-customers'),
        stat('Champions and loyal', formatCount(best(first)), 'rfm-best'),
      ),
      h('p', { class: 'muted small', text: `Scored as of ${formatDateTime(first.asOf)}` }),
      segmentGrid(first),
      heatmap(customers, cursor === null),
    );
  };
  void load();
  return panel.root;
};
