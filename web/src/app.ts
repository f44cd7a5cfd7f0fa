import { ApiClient } from './api';
import { destroyAllCharts } from './charts';
import { clear, h } from './dom';
import { auditView } from './panels/audit.view';
import { campaignsPanel } from './panels/campaigns.panel';
import { customerValuePanel } from './panels/customer-value.panel';
import { followUpsPanel } from './panels/follow-ups.panel';
import { pipelineForecastPanel, pipelineFunnelPanel } from './panels/pipeline.panels';
import { predictedValuePanel } from './panels/predicted-value.panel';
import { rfmPanel } from './panels/rfm.panel';
import { satisfactionBreakdownPanel, satisfactionTrendPanel } from './panels/satisfaction.panels';
import { ticketsPanel } from './panels/tickets.panel';
import { session } from './session';

type Route = { view: 'analytics' } | { view: 'audit'; customerId: string | null };

const routeOf = (hash: string): Route => {
  const match = /^#\/audit(?:\/([^/]+))?$/.exec(hash);
  if (!match) return { view: 'analytics' };
  return { view: 'audit', customerId: match[1] ? decodeURIComponent(match[1]) : null };
};

const analyticsView = (api: ApiClient): HTMLElement =>
  h(
    'div',
    { class: 'grid' },
    satisfactionTrendPanel(api),
    satisfactionBreakdownPanel(api),
    rfmPanel(api),
    customerValuePanel(api),
    predictedValuePanel(api),
    campaignsPanel(api),
    pipelineFunnelPanel(api),
    pipelineForecastPanel(api),
    followUpsPanel(api),
    ticketsPanel(api),
  );

/** Signs in with an API key: a key the service does not know is refused here, not stored. */
const signInView = (onSignedIn: () => void, notice?: string): HTMLElement => {
  const input = h('input', {
    testid: 'api-key',
    attrs: {
      type: 'password',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'crm_…',
      'aria-label': 'API key',
      required: '',
    },
  });
  const message = h('p', { class: 'bad', testid: 'sign-in-error', text: notice ?? '' });
  const button = h('button', { text: 'Sign in', testid: 'sign-in', attrs: { type: 'submit' } });
  const submit = async (): Promise<void> => {
    const key = input.value.trim();
    if (!key) return;
    button.disabled = true;
    // Any read tells a known key (200, or 403 for another role) from an unknown one (401).
    const probe = await new ApiClient(key).get('/analytics/satisfaction');
    button.disabled = false;
    if (!probe.ok && (probe.status === 401 || probe.status === 0)) {
      message.textContent =
        probe.status === 401 ? 'This key was refused (HTTP 401).' : 'The server cannot be reached.';
      return;
    }
    session.signIn(key);
    onSignedIn();
  };
  return h(
    'main',
    { class: 'sign-in' },
    h(
      'form',
      {
        class: 'card',
        on: {
          submit: (event) => {
            event.preventDefault();
            void submit();
          },
        },
      },
      h('h1', { text: 'CRM dashboard' }),
      h('p', {
        class: 'muted',
        text: 'Sign in with your API key. Analysts see the read models (personal data masked); auditors replay customer histories.',
      }),
      h('label', {}, h('span', { text: 'API key' }), input),
      button,
      message,
      h('p', {
        class: 'muted small',
        text: 'The key is kept in this tab only (sessionStorage) and sent as Authorization: Bearer.',
      }),
    ),
  );
};

/** The page: sign-in, or the header with the analytics and audit views. */
export const startApp = (root: HTMLElement): void => {
  const render = (notice?: string): void => {
    destroyAllCharts();
    const key = session.key();
    if (!key) {
      clear(
        root,
        signInView(() => render(), notice),
      );
      return;
    }
    const api = new ApiClient(key, () => {
      session.signOut();
      render('Your key is no longer accepted (HTTP 401). Sign in again.');
    });
    const route = routeOf(location.hash);
    const tab = (name: string, href: string, active: boolean): HTMLElement =>
      h('a', {
        text: name,
        testid: `tab-${name.toLowerCase()}`,
        attrs: { href, ...(active ? { 'aria-current': 'page' } : {}) },
      });
    const header = h(
      'header',
      { class: 'topbar' },
      h('div', { class: 'brand', text: 'CRM · Insights' }),
      h(
        'nav',
        {},
        tab('Analytics', '#/', route.view === 'analytics'),
        tab('Audit', '#/audit', route.view === 'audit'),
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', {
          class: 'ghost',
          text: 'Refresh',
          testid: 'refresh',
          attrs: { type: 'button' },
          on: { click: () => render() },
        }),
        h('button', {
          class: 'ghost',
          text: 'Sign out',
          testid: 'sign-out',
          attrs: { type: 'button' },
          on: {
            click: () => {
              session.signOut();
              location.hash = '';
              render();
            },
          },
        }),
      ),
    );
    const main = h(
      'main',
      { class: 'content' },
      route.view === 'audit' ? auditView(api, route.customerId) : analyticsView(api),
    );
    clear(root, header, main);
  };
  window.addEventListener('hashchange', () => render());
  render();
};
