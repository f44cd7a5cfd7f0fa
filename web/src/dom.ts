type Child = Node | string | number | null | undefined | false;

export type Attributes = {
  class?: string;
  testid?: string;
  title?: string;
  text?: string;
  attrs?: Record<string, string>;
  on?: Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>;
};

/**
 * Builds an element. Text always goes in as text nodes, never as HTML: the data on this page
 * comes from customers and must not become markup.
 */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag);
  if (attributes.class) element.className = attributes.class;
  if (attributes.testid) element.dataset.testid = attributes.testid;
  if (attributes.title) element.title = attributes.title;
  if (attributes.text !== undefined) element.textContent = attributes.text;
  for (const [name, value] of Object.entries(attributes.attrs ?? {})) {
    element.setAttribute(name, value);
  }
  for (const [type, listener] of Object.entries(attributes.on ?? {})) {
    element.addEventListener(type, listener);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
};

export const clear = (element: Element, ...children: Child[]): void => {
  element.replaceChildren();
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
};

/** A table from column headings and rows of cells; numeric columns align right. */
export const table = (
  headings: readonly string[],
  rows: readonly Child[][],
  options: { numeric?: readonly number[]; testid?: string; rowTestid?: string } = {},
): HTMLTableElement => {
  const numeric = new Set(options.numeric ?? []);
  const cellClass = (index: number): string => (numeric.has(index) ? 'num' : '');
  return h(
    'table',
    { class: 'data', testid: options.testid },
    h(
      'thead',
      {},
      h('tr', {}, ...headings.map((text, i) => h('th', { class: cellClass(i), text }))),
    ),
    h(
      'tbody',
      {},
      ...rows.map((cells) =>
        h(
          'tr',
          { testid: options.rowTestid },
          ...cells.map((cell, i) => h('td', { class: cellClass(i) }, cell)),
        ),
      ),
    ),
  );
};

/** A headline figure: a label and a value, the value addressable by tests. */
export const stat = (label: string, value: string, testid: string, hint?: string): HTMLElement =>
  h(
    'div',
    { class: 'stat', title: hint },
    h('div', { class: 'stat-value', testid, text: value }),
    h('div', { class: 'stat-label', text: label }),
  );
