import type { ApiClient } from '../api';
import { ChartSet, palette } from '../charts';
import type {
  CurrencyFigures,
  CurrencyForecast,
  PipelineBoard,
  PipelineFigures,
  PipelineForecast,
} from '../contract';
import { h, stat, table } from '../dom';
import {
  addMinor,
  approximateAmount,
  formatCount,
  formatExactMoney,
  formatMoneyCompact,
  formatWeightedMoney,
  quarterOf,
  sumExact,
} from '../format';
import { createPanel, whenOk } from '../panel';

/** A select that calls back with the value picked; shown only when there is a choice. */
const picker = (testid: string, label: string, onPick: (value: string) => void) =>
  h('select', {
    testid,
    attrs: { 'aria-label': label },
    on: { change: (event) => onPick((event.target as HTMLSelectElement).value) },
  });

const fill = (select: HTMLSelectElement, options: { value: string; text: string }[]): void => {
  select.replaceChildren(
    ...options.map(({ value, text }) => h('option', { text, attrs: { value } })),
  );
};

/** Every currency with a deal in the pipeline, the one with the most deals first. */
const currenciesOf = (pipeline: PipelineFigures): string[] => {
  const deals = new Map<string, number>();
  for (const stage of pipeline.stages)
    for (const t of stage.totals) deals.set(t.currency, (deals.get(t.currency) ?? 0) + t.count);
  return [...deals.entries()].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1)).map(([c]) => c);
};

const zero = (currency: string): CurrencyFigures => ({
  currency,
  count: 0,
  amount: { amount: 0, amountExact: '0', currency },
  weightedAmount: { amountExact: '0', currency },
});

/** GET /analytics/pipeline?by=stage: each stage's deals, amount and weighted amount. */
export const pipelineFunnelPanel = (api: ApiClient): HTMLElement => {
  const panel = createPanel(
    'pipeline-funnel',
    'Pipeline by stage',
    'Deals, amount and weighted amount (amount × the stage probability) in each stage',
  );
  const charts = new ChartSet();
  let board: PipelineBoard | null = null;
  let pipelineId: string | null = null;
  let currency: string | null = null;
  const pipelinePicker = picker('funnel-pipeline', 'Pipeline', (value) => {
    pipelineId = value;
    draw();
  });
  const currencyPicker = picker('funnel-currency', 'Currency', (value) => {
    currency = value;
    draw();
  });

  const draw = (): void => {
    charts.reset();
    if (!board) return;
    const pipeline = board.pipelines.find((p) => p.pipelineId === pipelineId) ?? board.pipelines[0];
    if (!pipeline) {
      panel.tools.replaceChildren();
      return panel.empty('No pipeline is defined yet.');
    }
    pipelineId = pipeline.pipelineId;
    const currencies = currenciesOf(pipeline);
    currency = currency && currencies.includes(currency) ? currency : (currencies[0] ?? null);
    fill(
      pipelinePicker,
      board.pipelines.map((p) => ({ value: p.pipelineId, text: p.name })),
    );
    pipelinePicker.value = pipeline.pipelineId;
    fill(
      currencyPicker,
      currencies.map((c) => ({ value: c, text: c })),
    );
    if (currency) currencyPicker.value = currency;
    panel.tools.replaceChildren(
      ...(board.pipelines.length > 1 ? [pipelinePicker] : []),
      ...(currencies.length > 1 ? [currencyPicker] : []),
    );
    if (!currency) return panel.empty(`No deals in ${pipeline.name} yet.`);
    const shown = currency;
    const rows = pipeline.stages.map((stage) => ({
      stage,
      figures: stage.totals.find((t) => t.currency === shown) ?? zero(shown),
    }));
    const open = rows.filter(({ stage }) => stage.kind === 'open');
    const openCount = open.reduce((sum, { figures }) => sum + figures.count, 0);
    const openAmount = sumExact(...open.map(({ figures }) => figures.amount.amountExact));
    const openWeighted = addMinor(...open.map(({ figures }) => figures.weightedAmount.amountExact));
    const colors = palette();
    panel.ready(
      h(
        'div',
        { class: 'stats' },
        stat('Open deals', formatCount(openCount), 'funnel-open-count'),
        stat(
          'Open amount',
          formatExactMoney({ amount: null, amountExact: openAmount, currency: shown }),
          'funnel-open-amount',
        ),
        stat(
          'Weighted',
          formatWeightedMoney({ amountExact: openWeighted, currency: shown }),
          'funnel-open-weighted',
          'Σ amount × the probability of the deal’s stage',
        ),
      ),
      charts.add(
        {
          type: 'bar',
          data: {
            labels: open.map(({ stage }) => `${stage.name} (${stage.probability} %)`),
            datasets: [
              {
                label: 'Amount',
                data: open.map(({ figures }) => approximateAmount(figures.amount)),
                backgroundColor: colors.accent2,
                borderRadius: 3,
              },
              {
                label: 'Weighted',
                data: open.map(({ figures }) => Number(figures.weightedAmount.amountExact)),
                backgroundColor: colors.accent,
                borderRadius: 3,
              },
            ],
          },
          options: {
            indexAxis: 'y',
            plugins: { legend: { labels: { usePointStyle: true } } },
            scales: {
              x: {
                beginAtZero: true,
                grid: { color: colors.grid },
                ticks: { callback: (value) => formatMoneyCompact(Number(value), shown) },
              },
              y: { grid: { display: false } },
            },
          },
        },
        `Open deals by stage in ${shown}: amount and weighted amount`,
      ),
      table(
        ['Stage', 'Probability', 'Deals', 'Amount', 'Weighted'],
        rows.map(({ stage, figures }) => [
          stage.inDefinition ? stage.name : `${stage.name} (no longer defined)`,
          `${stage.probability} %`,
          formatCount(figures.count),
          formatExactMoney(figures.amount),
          stage.kind === 'open' ? formatWeightedMoney(figures.weightedAmount) : '–',
        ]),
        { numeric: [1, 2, 3, 4], testid: 'funnel', rowTestid: 'funnel-row' },
      ),
      h('p', {
        class: 'muted small',
        text: `${pipeline.name}, version ${pipeline.version}, as of now. Won and lost count every deal closed so far.`,
      }),
    );
  };

  const load = async (): Promise<void> => {
    panel.loading();
    board = whenOk(panel, await api.get<PipelineBoard>('/analytics/pipeline', { by: 'stage' }));
    try {
      draw();
    } catch (error) {
      panel.broken(error);
    }
  };
  void load();
  return panel.root;
};

/** Expected revenue of the period: won so far plus the weighted open deals due to close in it. */
export const forecastTotal = (figures: CurrencyForecast): string =>
  addMinor(figures.won.amount.amountExact, figures.open.weightedAmount.amountExact);

/** GET /analytics/pipeline/forecast for this quarter (UTC): open deals due, won and lost. */
export const pipelineForecastPanel = (api: ApiClient): HTMLElement => {
  const quarter = quarterOf(Date.now());
  const panel = createPanel(
    'pipeline-forecast',
    `Forecast: this quarter (${quarter.name})`,
    `${quarter.from} to ${quarter.to} (UTC): won so far, plus open deals expected to close, weighted`,
  );
  const charts = new ChartSet();
  let forecast: PipelineForecast | null = null;
  let currency: string | null = null;
  const currencyPicker = picker('forecast-currency', 'Currency', (value) => {
    currency = value;
    draw();
  });

  const draw = (): void => {
    charts.reset();
    if (!forecast) return;
    const currencies = forecast.currencies;
    const figures = currencies.find((c) => c.currency === currency) ?? currencies[0];
    if (!figures)
      return panel.empty(`No deal is expected to close, or was won or lost, in ${quarter.name}.`);
    currency = figures.currency;
    fill(
      currencyPicker,
      currencies.map((c) => ({ value: c.currency, text: c.currency })),
    );
    currencyPicker.value = currency;
    panel.tools.replaceChildren(...(currencies.length > 1 ? [currencyPicker] : []));
    const total = forecastTotal(figures);
    const colors = palette();
    panel.ready(
      h(
        'div',
        { class: 'stats' },
        stat(
          'Forecast',
          formatWeightedMoney({ amountExact: total, currency: figures.currency }),
          'forecast-total',
          'Won this quarter + weighted open deals expected to close in it',
        ),
        stat('Won', formatExactMoney(figures.won.amount), 'forecast-won'),
        stat(
          'Open, weighted',
          formatWeightedMoney(figures.open.weightedAmount),
          'forecast-open-weighted',
        ),
        stat('Open, full amount', formatExactMoney(figures.open.amount), 'forecast-open-amount'),
      ),
      h(
        'div',
        { class: 'stats' },
        stat('Deals won', formatCount(figures.won.count), 'forecast-won-count'),
        stat('Open deals due', formatCount(figures.open.count), 'forecast-open-count'),
        stat('Deals lost', formatCount(figures.lost.count), 'forecast-lost-count'),
      ),
      charts.add(
        {
          type: 'bar',
          data: {
            labels: [quarter.name],
            datasets: [
              {
                label: 'Won',
                data: [approximateAmount(figures.won.amount)],
                backgroundColor: colors.good,
              },
              {
                label: 'Open, weighted',
                data: [Number(figures.open.weightedAmount.amountExact)],
                backgroundColor: colors.accent,
              },
            ],
          },
          options: {
            indexAxis: 'y',
            plugins: { legend: { labels: { usePointStyle: true } } },
            scales: {
              x: {
                stacked: true,
                beginAtZero: true,
                grid: { color: colors.grid },
                ticks: { callback: (value) => formatMoneyCompact(Number(value), figures.currency) },
              },
              y: { stacked: true, grid: { display: false } },
            },
          },
        },
        `Forecast for ${quarter.name} in ${figures.currency}: won and weighted open`,
      ),
    );
  };

  const load = async (): Promise<void> => {
    panel.loading();
    forecast = whenOk(
      panel,
      await api.get<PipelineForecast>('/analytics/pipeline/forecast', {
        from: quarter.from,
        to: quarter.to,
      }),
    );
    try {
      draw();
    } catch (error) {
      panel.broken(error);
    }
  };
  void load();
  return panel.root;
};
