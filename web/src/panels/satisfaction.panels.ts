import type { ApiClient } from '../api';
import { ChartSet, palette } from '../charts';
import { h, stat, table } from '../dom';
import { formatCount, formatMonth, formatPercent, formatScore, humanize } from '../format';
import { createPanel, whenOk } from '../panel';

type Figures = { n: number; average: number | null; csatPercent: number | null };
type Group = Figures & { key: string | null };
type SatisfactionReport = { by: string | null; overall: Figures; groups: Group[] };

const GROUPINGS = ['agent', 'category', 'channel'] as const;
type Grouping = (typeof GROUPINGS)[number];

const report = (api: ApiClient, by: string) =>
  api.get<SatisfactionReport>('/analytics/satisfaction', { by });

/** GET /analytics/satisfaction?by=month: the trend of the average and of CSAT. */
export const satisfactionTrendPanel = (api: ApiClient): HTMLElement => {
  const panel = createPanel(
    'satisfaction-trend',
    'Satisfaction by month',
    'Average rating (1–5) and CSAT, the share of ratings scored 4 or 5',
    true,
  );
  const charts = new ChartSet();
  const load = async (): Promise<void> => {
    panel.loading();
    const body = whenOk(panel, await report(api, 'month'));
    charts.reset();
    if (!body) return;
    if (body.overall.n === 0) return panel.empty('No ratings yet.');
    const colors = palette();
    const months = body.groups.map((g) => formatMonth(g.key));
    panel.ready(
      h(
        'div',
        { class: 'stats' },
        stat('Average rating', formatScore(body.overall.average), 'sat-average'),
        stat('CSAT', formatPercent(body.overall.csatPercent), 'sat-csat'),
        stat('Ratings', formatCount(body.overall.n), 'sat-ratings'),
        stat('Months', formatCount(body.groups.length), 'sat-months-count'),
      ),
      charts.add(
        {
          type: 'line',
          data: {
            labels: months,
            datasets: [
              {
                label: 'Average rating',
                data: body.groups.map((g) => g.average),
                yAxisID: 'score',
                borderColor: colors.accent,
                backgroundColor: colors.accent,
                tension: 0.3,
              },
              {
                label: 'CSAT %',
                data: body.groups.map((g) => g.csatPercent),
                yAxisID: 'csat',
                borderColor: colors.accent2,
                backgroundColor: colors.accent2,
                borderDash: [6, 4],
                tension: 0.3,
              },
            ],
          },
          options: {
            interaction: { mode: 'index', intersect: false },
            plugins: { legend: { labels: { usePointStyle: true } } },
            scales: {
              score: { position: 'left', min: 1, max: 5, grid: { color: colors.grid } },
              csat: {
                position: 'right',
                min: 0,
                max: 100,
                grid: { drawOnChartArea: false },
                ticks: { callback: (value) => `${value} %` },
              },
              x: { grid: { color: colors.grid } },
            },
          },
        },
        'Average rating and CSAT by month',
      ),
      h(
        'details',
        { class: 'more' },
        h('summary', { text: 'Figures by month' }),
        table(
          ['Month', 'Ratings', 'Average', 'CSAT'],
          body.groups.map((g) => [
            formatMonth(g.key),
            formatCount(g.n),
            formatScore(g.average),
            formatPercent(g.csatPercent),
          ]),
          { numeric: [1, 2, 3], testid: 'sat-months' },
        ),
      ),
    );
  };
  void load();
  return panel.root;
};

/** GET /analytics/satisfaction?by=agent|category|channel, one grouping at a time. */
export const satisfactionBreakdownPanel = (api: ApiClient): HTMLElement => {
  const panel = createPanel(
    'satisfaction-breakdown',
    'Satisfaction by group',
    'Average rating and CSAT per agent, category or channel',
  );
  const charts = new ChartSet();
  let by: Grouping = 'agent';
  const buttons = GROUPINGS.map((grouping) =>
    h('button', {
      class: 'segment',
      text: humanize(grouping),
      testid: `sat-by-${grouping}`,
      attrs: { type: 'button', 'aria-pressed': String(grouping === by) },
      on: {
        click: () => {
          by = grouping;
          for (const button of buttons) {
            button.setAttribute('aria-pressed', String(button.dataset.testid === `sat-by-${by}`));
          }
          void load();
        },
      },
    }),
  );
  panel.tools.append(h('div', { class: 'segmented', attrs: { role: 'group' } }, ...buttons));

  const load = async (): Promise<void> => {
    panel.loading();
    const body = whenOk(panel, await report(api, by));
    charts.reset();
    if (!body) return;
    if (body.groups.length === 0) return panel.empty('No ratings yet.');
    const colors = palette();
    const groups = [...body.groups].sort((a, b) => b.n - a.n);
    const label = (g: Group): string => g.key ?? '(unassigned)';
    panel.ready(
      charts.add(
        {
          type: 'bar',
          data: {
            labels: groups.map(label),
            datasets: [
              {
                label: 'Average rating',
                data: groups.map((g) => g.average),
                backgroundColor: colors.accent,
                borderRadius: 4,
              },
            ],
          },
          options: {
            indexAxis: 'y',
            plugins: { legend: { display: false } },
            scales: {
              x: { min: 0, max: 5, grid: { color: colors.grid } },
              y: { grid: { display: false } },
            },
          },
        },
        `Average rating by ${by}`,
      ),
      table(
        [humanize(by), 'Ratings', 'Average', 'CSAT'],
        groups.map((g) => [
          label(g),
          formatCount(g.n),
          formatScore(g.average),
          formatPercent(g.csatPercent),
        ]),
        { numeric: [1, 2, 3], testid: 'sat-groups', rowTestid: 'sat-group-row' },
      ),
    );
  };
  void load();
  return panel.root;
};
