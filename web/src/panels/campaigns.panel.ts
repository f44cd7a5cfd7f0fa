import type { ApiClient } from '../api';
import { ChartSet, palette } from '../charts';
import { h, stat, table } from '../dom';
import type { ExactMoney } from '../format';
import { formatCount, formatExactMoney, formatMoney, formatRatio, humanize } from '../format';
import { createPanel, whenOk } from '../panel';

type Money = { amount: number; currency: string };
type CurrencyResults = {
  currency: string;
  conversions: number;
  attributedRevenue: ExactMoney;
  cost: Money;
  roi: number | null;
  roiUnavailableReason: string | null;
};
/** One row of GET /analytics/campaigns. */
export type CampaignResults = {
  campaignId: string;
  name: string;
  channel: string;
  status: string;
  audienceSize: number;
  respondents: number;
  responseRate: number | null;
  conversions: number;
  conversionRate: number | null;
  cost: Money;
  byCurrency: CurrencyResults[];
};
type CampaignPage = { items: CampaignResults[]; nextCursor: string | null };

const PAGE = 500;
const MAX_PAGES = 4;

/** The campaign's ROI is the one in the currency its cost was paid in. */
export const roiOf = (campaign: CampaignResults): CurrencyResults | null =>
  campaign.byCurrency.find((c) => c.currency === campaign.cost.currency) ?? null;

const revenue = (campaign: CampaignResults): string =>
  campaign.byCurrency.length === 0
    ? '–'
    : [...campaign.byCurrency]
        // The cost's currency first: the one the ROI is in.
        .sort(
          (a, b) =>
            Number(b.currency === campaign.cost.currency) -
            Number(a.currency === campaign.cost.currency),
        )
        .map((c) => formatExactMoney(c.attributedRevenue))
        .join(' + ');

const withRate = (count: number, rate: number | null): string =>
  rate === null ? formatCount(count) : `${formatCount(count)} (${formatRatio(rate)})`;

const roiCell = (campaign: CampaignResults): HTMLElement => {
  const results = roiOf(campaign);
  const roi = results?.roi ?? null;
  return h('span', {
    class: roi === null ? 'muted' : roi >= 0 ? 'good' : 'bad',
    text: formatRatio(roi),
    title: results?.roiUnavailableReason ?? 'ROI = (attributed revenue − cost) / cost',
  });
};

/** GET /analytics/campaigns: audience, responses, conversions, revenue, cost and ROI. */
export const campaignsPanel = (api: ApiClient): HTMLElement => {
  const panel = createPanel(
    'campaigns',
    'Campaign results',
    'ROI = (attributed revenue − cost) / cost, in the currency of the cost',
    true,
  );
  const charts = new ChartSet();
  const load = async (): Promise<void> => {
    panel.loading();
    const first = whenOk(
      panel,
      await api.get<CampaignPage>('/analytics/campaigns', { limit: PAGE }),
    );
    charts.reset();
    if (!first) return;
    const campaigns = [...first.items];
    let cursor = first.nextCursor;
    for (let page = 1; cursor && page < MAX_PAGES; page += 1) {
      const next = await api.get<CampaignPage>('/analytics/campaigns', { limit: PAGE, cursor });
      if (!next.ok) break;
      campaigns.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    if (campaigns.length === 0) return panel.empty('No campaigns yet.');
    const colors = palette();
    const charted = campaigns.filter((c) => roiOf(c)?.roi != null).reverse();
    panel.ready(
      h(
        'div',
        { class: 'stats' },
        stat('Campaigns', formatCount(campaigns.length), 'campaigns-count'),
        stat(
          'Audience reached',
          formatCount(campaigns.reduce((sum, c) => sum + c.audienceSize, 0)),
          'campaigns-audience',
        ),
        stat(
          'Conversions',
          formatCount(campaigns.reduce((sum, c) => sum + c.conversions, 0)),
          'campaigns-conversions',
        ),
      ),
      charted.length > 0 &&
        charts.add(
          {
            type: 'bar',
            data: {
              labels: charted.map((c) => c.name),
              datasets: [
                {
                  label: 'ROI %',
                  data: charted.map((c) => (roiOf(c)?.roi ?? 0) * 100),
                  backgroundColor: charted.map((c) =>
                    (roiOf(c)?.roi ?? 0) >= 0 ? colors.good : colors.bad,
                  ),
                  borderRadius: 4,
                },
              ],
            },
            options: {
              plugins: { legend: { display: false } },
              scales: {
                y: { ticks: { callback: (value) => `${value} %` }, grid: { color: colors.grid } },
                x: { grid: { display: false } },
              },
            },
          },
          'Return on investment by campaign',
        ),
      table(
        [
          'Campaign',
          'Channel',
          'Status',
          'Audience',
          'Respondents',
          'Conversions',
          'Revenue',
          'Cost',
          'ROI',
        ],
        campaigns.map((c) => [
          h('span', { text: c.name, title: c.campaignId }),
          humanize(c.channel),
          humanize(c.status),
          formatCount(c.audienceSize),
          withRate(c.respondents, c.responseRate),
          withRate(c.conversions, c.conversionRate),
          revenue(c),
          formatMoney(c.cost.amount, c.cost.currency),
          roiCell(c),
        ]),
        { numeric: [3, 4, 5, 6, 7, 8], testid: 'campaigns', rowTestid: 'campaign-row' },
      ),
    );
  };
  void load();
  return panel.root;
};
