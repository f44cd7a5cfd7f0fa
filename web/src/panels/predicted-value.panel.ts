import { customerLink } from '../links';
import type { ApiClient } from '../api';
import { ChartSet, palette } from '../charts';
import type {
  PAliveBin,
  PredictedCustomer,
  PredictedValueBacktest,
  PredictedValueModel,
  PredictedValuePage,
} from '../contract';
import { h, stat, table } from '../dom';
import {
  formatCount,
  formatDecimal,
  formatExactMoney,
  formatMoney,
  formatPercent,
  formatSignificant,
} from '../format';
import { createPanel, failureText, whenOk } from '../panel';

/** "Probably lost": repeat buyers whose P(alive) is at most this (the API's maxPAlive). */
export const LOST_BELOW = 0.3;
/** Hold-outs the back-test offers, in weeks; the calibration ends this long before asOf. */
export const HOLDOUT_WEEKS = [13, 26, 52] as const;
const DEFAULT_HOLDOUT = 26;
const HORIZON_DAYS = 365;
const TOP_ROWS = 10;
/** Pages of the churn list read to count it (500 rows each); past that the count says "+". */
const LOST_PAGES = 20;
const DAY_MS = 86_400_000;

/** `2026-12-07` minus some days, as a UTC calendar date. */
export const daysBefore = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/** `0.1–0.2`: a P(alive) bin as percents. */
const binLabel = ({ from, to }: PAliveBin): string =>
  `${Math.round(from * 100)}–${Math.round(to * 100)} %`;

/** The distribution in words: the chart's accessible label (and what a test can read). */
export const distributionText = (bins: readonly PAliveBin[]): string =>
  `P(alive) distribution: ${bins.map((b) => `${binLabel(b)}: ${b.customers}`).join(', ')}`;

/**
 * Repeat buyers with P(alive) ≤ LOST_BELOW, counted once each (a customer buying in two
 * currencies has a row per currency), or why the list could not be read.
 */
const countLost = async (
  api: ApiClient,
): Promise<{ customers: number; more: boolean } | { failure: string }> => {
  const ids = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < LOST_PAGES; page += 1) {
    const result = await api.get<PredictedValuePage>('/analytics/predicted-value', {
      maxPAlive: LOST_BELOW,
      horizonDays: HORIZON_DAYS,
      limit: 500,
      cursor,
    });
    if (!result.ok) return { failure: failureText(result) };
    for (const item of result.body.items) ids.add(item.customerId);
    if (!result.body.nextCursor) return { customers: ids.size, more: false };
    cursor = result.body.nextCursor;
  }
  return { customers: ids.size, more: true };
};

/**
 * GET /analytics/predicted-value/model, /analytics/predicted-value and …/backtest: BG/NBD and
 * Gamma-Gamma fitted today, the back-test of a fit made a hold-out ago, P(alive) and the
 * customers worth most over the next year.
 */
export const predictedValuePanel = (api: ApiClient): HTMLElement => {
  const panel = createPanel(
    'predicted-value',
    'Predicted value (BG/NBD and Gamma-Gamma)',
    'Who is still a customer, how often they will buy and what they are worth over the next year',
    true,
  );
  const charts = new ChartSet();
  const backtestCharts = new ChartSet();
  const backtestBox = h('div', { class: 'backtest', testid: 'pv-backtest' });
  let holdoutWeeks: number = DEFAULT_HOLDOUT;
  let currency: string | null = null;
  let model: PredictedValueModel | null = null;
  let top: PredictedCustomer[] = [];
  let topFailure: string | null = null;
  let backtestRequest = 0;
  const topBox = h('div', {});

  const holdoutPicker = h(
    'select',
    {
      testid: 'pv-holdout',
      attrs: { 'aria-label': 'Back-test hold-out' },
      on: {
        change: (event) => {
          holdoutWeeks = Number((event.target as HTMLSelectElement).value);
          void drawBacktest();
        },
      },
    },
    ...HOLDOUT_WEEKS.map((weeks) =>
      h('option', { text: `${weeks}-week hold-out`, attrs: { value: String(weeks) } }),
    ),
  );
  holdoutPicker.value = String(holdoutWeeks);

  const currencyPicker = h('select', {
    testid: 'pv-currency',
    attrs: { 'aria-label': 'Currency of the top customers' },
    on: {
      change: (event) => {
        currency = (event.target as HTMLSelectElement).value;
        drawTop();
      },
    },
  });

  const drawTop = (): void => {
    const rows = top.filter((row) => row.currency === currency);
    if (topFailure !== null) {
      topBox.replaceChildren(h('div', { class: 'notice error', text: topFailure }));
      return;
    }
    if (rows.length === 0) {
      topBox.replaceChildren(
        h('div', {
          class: 'notice empty',
          testid: 'pv-top-empty',
          text: 'No customer has a predicted value yet.',
        }),
      );
      return;
    }
    topBox.replaceChildren(
      table(
        ['#', 'Customer', 'P(alive)', 'Purchases', 'Avg value', 'Predicted value'],
        rows
          .slice(0, TOP_ROWS)
          .map((row, i) => [
            i + 1,
            customerLink(row.customerId),
            formatPercent(row.pAlive * 100, 0),
            formatDecimal(row.expectedPurchases, 2),
            row.expectedAverageValue
              ? formatMoney(row.expectedAverageValue.amount, row.expectedAverageValue.currency)
              : '–',
            row.predictedValue ? formatExactMoney(row.predictedValue) : '–',
          ]),
        { numeric: [0, 2, 3, 4, 5], testid: 'pv-top', rowTestid: 'pv-top-row' },
      ),
      h('p', {
        class: 'muted small',
        text: `Expected purchases and value over the next ${HORIZON_DAYS} days, in ${currency ?? ''}.`,
      }),
    );
  };

  /** The back-test of a fit made `holdoutWeeks` before the model's day, against what happened. */
  const drawBacktest = async (): Promise<void> => {
    backtestCharts.reset();
    if (!model) return;
    const request = (backtestRequest += 1);
    const holdoutEnd = model.asOf;
    const calibrationEnd = daysBefore(holdoutEnd, 7 * holdoutWeeks);
    backtestBox.dataset.state = 'loading';
    backtestBox.dataset.calibrationEnd = calibrationEnd;
    backtestBox.replaceChildren(h('div', { class: 'skeleton' }));
    const result = await api.get<PredictedValueBacktest>('/analytics/predicted-value/backtest', {
      calibrationEnd,
      holdoutEnd,
    });
    // A later pick may have answered first: only the hold-out still chosen is drawn.
    if (request !== backtestRequest) return;
    backtestCharts.reset();
    const notice = (state: string, text: string): void => {
      backtestBox.dataset.state = state;
      backtestBox.replaceChildren(
        h('div', { class: `notice ${state}`, testid: 'pv-backtest-notice', text }),
      );
    };
    if (!result.ok) return notice('error', failureText(result));
    const body = result.body;
    if (body.customers === 0)
      return notice(
        'empty',
        `No customer had bought by ${calibrationEnd}: nothing to back-test with a ${holdoutWeeks}-week hold-out.`,
      );
    if (!body.bgnbd)
      return notice(
        'empty',
        `No customer had bought twice by ${calibrationEnd}: the model cannot be fitted on that data, so there is no back-test with a ${holdoutWeeks}-week hold-out.`,
      );
    const colors = palette();
    backtestBox.dataset.state = 'ready';
    backtestBox.replaceChildren(
      h(
        'div',
        { class: 'stats' },
        stat(
          'Predicted repeat purchases',
          formatDecimal(body.predictedPurchases, 1),
          'pv-backtest-predicted',
        ),
        stat('Actual repeat purchases', formatCount(body.actualPurchases), 'pv-backtest-actual'),
        stat(
          'Mean absolute error',
          formatDecimal(body.meanAbsoluteError, 2),
          'pv-backtest-mae',
          'Mean over customers of |predicted − actual| purchases in the hold-out',
        ),
        stat('Customers', formatCount(body.customers), 'pv-backtest-customers'),
      ),
      h(
        'figure',
        {},
        backtestCharts.add(
          {
            type: 'line',
            data: {
              labels: body.byWeek.map((w) => `W${w.week}`),
              datasets: [
                {
                  label: 'Predicted',
                  data: body.byWeek.map((w) => w.predictedCumulative),
                  borderColor: colors.accent,
                  backgroundColor: colors.accent,
                  borderDash: [6, 4],
                  pointRadius: 0,
                  tension: 0.2,
                },
                {
                  label: 'Actual',
                  data: body.byWeek.map((w) => w.actualCumulative),
                  borderColor: colors.accent2,
                  backgroundColor: colors.accent2,
                  pointRadius: 2,
                  stepped: true,
                },
              ],
            },
            options: {
              interaction: { mode: 'index', intersect: false },
              plugins: { legend: { labels: { usePointStyle: true } } },
              scales: {
                x: { grid: { display: false } },
                y: { beginAtZero: true, grid: { color: colors.grid } },
              },
            },
          },
          'Back-test: predicted and actual cumulative repeat purchases by week',
        ),
        h('figcaption', {
          class: 'muted',
          text: `Fitted on the log up to ${body.calibrationEnd}, compared week by week with the repeat purchases up to ${body.holdoutEnd}.`,
        }),
      ),
    );
  };

  const draw = (lost: Awaited<ReturnType<typeof countLost>>): void => {
    charts.reset();
    if (!model) return;
    const fit = model.bgnbd;
    const counts = h(
      'div',
      { class: 'stats' },
      stat('Customers', formatCount(model.customers), 'pv-customers', 'First purchase by today'),
      stat(
        'Repeat customers',
        formatCount(model.repeatCustomers),
        'pv-repeat-customers',
        'Bought on more than one day',
      ),
    );
    if (model.customers === 0) return panel.empty('No purchases yet: there is nothing to fit.');
    if (!fit) {
      panel.ready(
        counts,
        h('div', {
          class: 'notice empty',
          testid: 'pv-no-fit',
          text: 'No customer has bought on two different days yet, so BG/NBD cannot be fitted: there is no P(alive), back-test or prediction until someone buys again.',
        }),
      );
      return;
    }
    panel.tools.replaceChildren(holdoutPicker);
    const colors = palette();
    const distribution = model.pAliveDistribution;
    counts.append(
      stat('r', formatSignificant(fit.r), 'pv-r', 'BG/NBD: shape of the purchase rates'),
      stat('α', formatSignificant(fit.alpha), 'pv-alpha', `BG/NBD: scale, in ${model.unit}s`),
      stat('a', formatSignificant(fit.a), 'pv-a', 'BG/NBD: drop-out (Beta a)'),
      stat('b', formatSignificant(fit.b), 'pv-b', 'BG/NBD: drop-out (Beta b)'),
      stat(
        'Log-likelihood',
        formatDecimal(fit.logLikelihood, 2),
        'pv-loglik',
        fit.converged ? 'The optimiser met its tolerances' : 'The optimiser did not converge',
      ),
      stat(
        'Probably lost',
        'failure' in lost ? '–' : `${formatCount(lost.customers)}${lost.more ? '+' : ''}`,
        'pv-lost',
        'failure' in lost
          ? lost.failure
          : `Repeat buyers with P(alive) ≤ ${formatPercent(LOST_BELOW * 100, 0)}`,
      ),
    );
    const currencies = [...new Set(top.map((row) => row.currency))];
    currency =
      currency && currencies.includes(currency)
        ? currency
        : (model.gammaGamma?.currency ?? currencies[0] ?? null);
    currencyPicker.replaceChildren(...currencies.map((c) => h('option', { text: c })));
    if (currency) currencyPicker.value = currency;
    drawTop();
    panel.ready(
      counts,
      !fit.converged &&
        h('p', {
          class: 'muted small',
          text: 'The optimiser stopped before its tolerances: read the parameters as rough.',
        }),
      h(
        'p',
        { class: 'muted small', testid: 'pv-lost-rule' },
        `Probably lost: customers who bought more than once and whose P(alive) is at most ${formatPercent(LOST_BELOW * 100, 0)} (one-time buyers always have P(alive) = 1 in BG/NBD). Model as of ${model.asOf}, α in ${model.unit}s.`,
      ),
      h('h3', { text: 'Back-test' }),
      backtestBox,
      h(
        'div',
        { class: 'split' },
        h(
          'figure',
          {},
          charts.add(
            {
              type: 'bar',
              data: {
                labels: distribution.map(binLabel),
                datasets: [
                  {
                    label: 'Customers',
                    data: distribution.map((b) => b.customers),
                    backgroundColor: distribution.map((b) =>
                      b.to <= LOST_BELOW + 1e-9 ? colors.bad : colors.accent2,
                    ),
                    borderRadius: 3,
                  },
                ],
              },
              options: {
                plugins: { legend: { display: false } },
                scales: {
                  x: { grid: { display: false } },
                  y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: colors.grid } },
                },
              },
            },
            distributionText(distribution),
          ),
          h('figcaption', {
            class: 'muted',
            testid: 'pv-palive-caption',
            text: `P(alive) of the ${formatCount(model.customers)} customers in the fit (red: probably lost)`,
          }),
        ),
        h(
          'div',
          {},
          h('h3', { text: `Top ${TOP_ROWS} by predicted value` }),
          currencies.length > 1 && currencyPicker,
          topBox,
        ),
      ),
    );
    void drawBacktest();
  };

  const load = async (): Promise<void> => {
    panel.loading();
    charts.reset();
    backtestCharts.reset();
    const [modelResult, topResult, lost] = await Promise.all([
      api.get<PredictedValueModel>('/analytics/predicted-value/model'),
      api.get<PredictedValuePage>('/analytics/predicted-value', {
        top: TOP_ROWS,
        horizonDays: HORIZON_DAYS,
        limit: 500,
      }),
      countLost(api),
    ]);
    model = whenOk(panel, modelResult);
    if (!model) return;
    top = topResult.ok ? topResult.body.items : [];
    topFailure = topResult.ok ? null : failureText(topResult);
    draw(lost);
  };
  void load();
  return panel.root;
};
