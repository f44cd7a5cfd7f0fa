import { customerLink } from '../links';
import type { ApiClient } from '../api';
import { ChartSet, palette } from '../charts';
import { h, stat, table } from '../dom';
import type { ExactMoney } from '../format';
import {
  approximateAmount,
  formatCount,
  formatExactMoney,
  formatMoney,
  formatMoneyCompact,
  minorDigits,
} from '../format';
import { createPanel, whenOk } from '../panel';

type Money = { amount: number; currency: string };
type CurrencyTotal = {
  currency: string;
  amount: number | null;
  amountExact: string;
  customers: number;
  orders: number;
  averageOrderValue: number;
};
type TopCustomer = {
  customerId: string;
  value: ExactMoney;
  orderCount: number;
  averageOrderValue: Money;
};
type CustomerValueReport = {
  totals: CurrencyTotal[];
  top: { currency: string; customers: TopCustomer[] }[];
};

/** The most the endpoint hands out per currency; the histogram covers them. */
const SAMPLE = 500;
const TOP_ROWS = 10;
const BUCKETS = 10;

/** Equal-width buckets from 0 to the largest value, in whole major units. */
export const histogram = (
  values: readonly number[],
  currency: string,
): { labels: string[]; counts: number[] } => {
  const unit = 10 ** minorDigits(currency);
  const max = Math.max(...values, 1);
  const width = Math.max(unit, Math.ceil(max / BUCKETS / unit) * unit);
  const counts = Array.from({ length: Math.ceil((max + 1) / width) }, () => 0);
  for (const value of values) {
    const index = Math.min(counts.length - 1, Math.max(0, Math.floor(value / width)));
    counts[index] = (counts[index] ?? 0) + 1;
  }
  const labels = counts.map(
    (_, i) =>
      `${formatMoneyCompact(i * width, currency)}–${formatMoneyCompact((i + 1) * width, currency)}`,
  );
  return { labels, counts };
};

/** GET /analytics/customer-value?top=: totals per currency, distribution and top customers. */
export const customerValuePanel = (api: ApiClient): HTMLElement => {
  const panel = createPanel(
    'customer-value',
    'Customer value',
    'Orders net of cancellations and refunds, per currency',
    true,
  );
  const charts = new ChartSet();
  let currency: string | null = null;
  let report: CustomerValueReport | null = null;

  const draw = (): void => {
    charts.reset();
    if (!report) return;
    // The currency most customers buy in, until the reader picks another.
    const totals =
      report.totals.find((t) => t.currency === currency) ??
      [...report.totals].sort((a, b) => b.customers - a.customers)[0];
    if (!totals) return panel.empty('No orders yet.');
    currency = totals.currency;
    const customers = report.top.find((t) => t.currency === totals.currency)?.customers ?? [];
    const colors = palette();
    const buckets = histogram(
      customers.map((c) => approximateAmount(c.value)),
      totals.currency,
    );
    const covered =
      customers.length >= totals.customers
        ? `all ${formatCount(totals.customers)} customers`
        : `the top ${formatCount(customers.length)} of ${formatCount(totals.customers)} customers`;
    panel.ready(
      h(
        'div',
        { class: 'stats' },
        stat('Total value', formatExactMoney(totals), 'value-total'),
        stat('Customers with orders', formatCount(totals.customers), 'value-customers'),
        stat('Orders', formatCount(totals.orders), 'value-orders'),
        stat(
          'Average order',
          formatMoney(totals.averageOrderValue, totals.currency),
          'value-average-order',
        ),
      ),
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
                labels: buckets.labels,
                datasets: [
                  {
                    label: 'Customers',
                    data: buckets.counts,
                    backgroundColor: colors.accent2,
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
            'Distribution of customer value',
          ),
          h('figcaption', {
            class: 'muted',
            text: `Distribution of customer value over ${covered}`,
          }),
        ),
        table(
          ['#', 'Customer', 'Value', 'Orders', 'Avg order'],
          customers
            .slice(0, TOP_ROWS)
            .map((c, i) => [
              i + 1,
              customerLink(c.customerId),
              formatExactMoney(c.value),
              formatCount(c.orderCount),
              formatMoney(c.averageOrderValue.amount, c.averageOrderValue.currency),
            ]),
          { numeric: [0, 2, 3, 4], testid: 'value-top', rowTestid: 'value-top-row' },
        ),
      ),
    );
  };

  const picker = h('select', {
    testid: 'value-currency',
    attrs: { 'aria-label': 'Currency' },
    on: {
      change: (event) => {
        currency = (event.target as HTMLSelectElement).value;
        draw();
      },
    },
  });

  const load = async (): Promise<void> => {
    panel.loading();
    report = whenOk(
      panel,
      await api.get<CustomerValueReport>('/analytics/customer-value', { top: SAMPLE }),
    );
    if (!report) return;
    picker.replaceChildren(...report.totals.map((t) => h('option', { text: t.currency })));
    draw();
    if (report.totals.length > 1) panel.tools.replaceChildren(picker);
    if (currency) picker.value = currency;
  };
  void load();
  return panel.root;
};
