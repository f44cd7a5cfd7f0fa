import { h } from './dom';
import { shortId } from './format';

/** An id shortened for a table, whole in its tooltip; a link when it has somewhere to go. */
export const idCell = (id: string, href?: string): HTMLElement =>
  h(href ? 'a' : 'span', {
    text: shortId(id),
    title: id,
    attrs: { class: 'mono', ...(href ? { href } : {}) },
  });

/** A customer's id, linking to the auditor's view of their history and state-at. */
export const customerLink = (customerId: string): HTMLElement =>
  idCell(customerId, `#/audit/${encodeURIComponent(customerId)}`);
