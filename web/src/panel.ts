import type { ApiFailure, ApiResult } from './api';
import { clear, h } from './dom';

export type PanelState = 'loading' | 'ready' | 'empty' | 'unavailable' | 'forbidden' | 'error';

export type Panel = {
  root: HTMLElement;
  /** Controls in the header (a grouping switch, a currency picker). */
  tools: HTMLElement;
  body: HTMLElement;
  loading(): void;
  empty(message: string): void;
  fail(failure: ApiFailure): void;
  /** The answer came but the page cannot show it (a figure it cannot read): say so, show nothing. */
  broken(error: unknown): void;
  ready(...content: (Node | null | false)[]): void;
};

const failureState = (status: number): PanelState =>
  status === 404 ? 'unavailable' : status === 403 ? 'forbidden' : 'error';

/** What the reader is told for each failure; the status code is always shown. */
export const failureText = ({ status, message }: ApiFailure): string => {
  if (status === 404) return `Not available (HTTP 404): this server does not offer it yet.`;
  if (status === 403) return `Not allowed for this key's role (HTTP 403).`;
  if (status === 503) return `The read model is catching up (HTTP 503). Try again in a moment.`;
  if (status === 0) return `Could not reach the server: ${message}`;
  return `Failed (HTTP ${status}): ${message}`;
};

/**
 * A card on the dashboard. Its `data-state` says whether it shows data, is loading, or why it
 * cannot (not available, not allowed, failed), so one panel's trouble never breaks the page.
 */
export const createPanel = (id: string, title: string, subtitle: string, wide = false): Panel => {
  const tools = h('div', { class: 'panel-tools' });
  const body = h('div', { class: 'panel-body' });
  const root = h(
    'section',
    { class: `panel${wide ? ' wide' : ''}`, testid: `panel-${id}`, attrs: { 'aria-busy': 'true' } },
    h(
      'header',
      { class: 'panel-header' },
      h('div', {}, h('h2', { text: title }), h('p', { class: 'muted', text: subtitle })),
      tools,
    ),
    body,
  );
  const setState = (state: PanelState): void => {
    root.dataset.state = state;
    root.setAttribute('aria-busy', String(state === 'loading'));
  };
  const notice = (kind: string, text: string): HTMLElement =>
    h('div', { class: `notice ${kind}`, testid: 'panel-notice', text });
  return {
    root,
    tools,
    body,
    loading() {
      setState('loading');
      clear(body, h('div', { class: 'skeleton' }), h('div', { class: 'skeleton short' }));
    },
    empty(message) {
      setState('empty');
      clear(body, notice('empty', message));
    },
    fail(failure) {
      setState(failureState(failure.status));
      clear(body, notice(failureState(failure.status), failureText(failure)));
    },
    broken(error) {
      setState('error');
      const reason = error instanceof Error ? error.message : String(error);
      clear(body, notice('error', `Could not show the figures: ${reason}`));
    },
    ready(...content) {
      setState('ready');
      clear(body, ...content);
    },
  };
};

/** Shows the failure on the panel, or hands the body on when the request worked. */
export const whenOk = <T>(panel: Panel, result: ApiResult<T>): T | null => {
  if (result.ok) return result.body;
  panel.fail(result);
  return null;
};
