import { h, table } from '../dom';
import { formatDateTime, formatMoney, humanize } from '../format';

type Loose = Record<string, unknown>;
type Money = { amount: number; currency: string };

/** Fields of `GET /customers/:id/state` about the answer, not about the customer. */
const META = new Set(['customerId', 'at', 'position', 'recordedAt']);
/** Internal fields: document ids and blind indexes mean nothing to a reader. */
const INTERNAL = /^_|Hash(es)?$/;
const MAX_COLUMNS = 7;

const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isMoney = (value: unknown): value is Money =>
  isObject(value) && typeof value.amount === 'number' && typeof value.currency === 'string';
const isScalar = (value: unknown): boolean => value === null || typeof value !== 'object';
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const visible = (entries: [string, unknown][]): [string, unknown][] =>
  entries.filter(([name]) => !INTERNAL.test(name));

const scalar = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string')
    return /^\d{4}-\d{2}-\d{2}T/.test(value) ? formatDateTime(value) : value;
  return typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
};

const rows = (items: readonly unknown[]): HTMLElement => {
  const objects = items.filter(isObject);
  if (objects.length !== items.length) return h('span', { text: items.map(scalar).join(', ') });
  const columns = visible(Object.entries(objects[0] ?? {}))
    .filter(([name, value]) => name !== 'customerId' && (isScalar(value) || isMoney(value)))
    .map(([name]) => name)
    .slice(0, MAX_COLUMNS);
  return table(
    columns.map(humanize),
    objects.map((item) => columns.map((name) => value(item[name]))),
  );
};

const value = (raw: unknown): Node | string => {
  if (isMoney(raw)) return formatMoney(raw.amount, raw.currency);
  if (Array.isArray(raw)) return raw.length === 0 ? 'none' : rows(raw);
  if (isObject(raw)) return fields(raw, undefined);
  return scalar(raw);
};

/** Field list; a field that differs from the previous step of the replay is marked. */
const fields = (object: Loose, previous: Loose | undefined): HTMLElement =>
  h(
    'dl',
    { class: 'fields' },
    ...visible(Object.entries(object)).flatMap(([name, raw]) => {
      const changed = previous !== undefined && !same(raw, previous[name]);
      return [
        h('dt', { text: humanize(name), class: changed ? 'changed' : '' }),
        h('dd', { class: changed ? 'changed' : '' }, value(raw)),
      ];
    }),
  );

/**
 * A customer's state at a point of their history: each part (profile, open tickets, orders…)
 * as its own section, with what changed since the step shown before highlighted.
 */
export const stateView = (state: unknown, previous: unknown): HTMLElement => {
  if (!isObject(state)) return h('pre', { class: 'json', text: JSON.stringify(state, null, 2) });
  const before = isObject(previous) ? previous : undefined;
  const sections = Object.entries(state).filter(([name]) => !META.has(name));
  return h(
    'div',
    { class: 'state' },
    h('p', {
      class: 'muted',
      text: `As of position ${scalar(state.position)}, recorded ${scalar(state.recordedAt)}`,
    }),
    ...sections.map(([name, part]) => {
      const earlier = before?.[name];
      const changed = before !== undefined && !same(part, earlier);
      return h(
        'section',
        { class: `state-part${changed ? ' changed' : ''}`, testid: `state-${name}` },
        h('h3', {
          text: `${humanize(name)}${Array.isArray(part) ? ` (${part.length})` : ''}`,
        }),
        isObject(part) && !isMoney(part)
          ? fields(part, isObject(earlier) ? earlier : undefined)
          : part === null
            ? h('p', { class: 'muted', text: 'none yet' })
            : h('div', {}, value(part)),
      );
    }),
  );
};
