import type { Projection, ProjectionContext, RecordedEvent } from '@crm/eventsourcing';
import { TICKET_EVENT_TYPES } from '../../domain/ticket';
import { eraseTicketText, evolveTicketDocument } from './ticket-queue.evolve';
import type { CustomerTicketsDocument, TicketDocument } from './ticket.document';
import { CUSTOMER_TICKETS, TICKET_QUEUE_PROJECTION, TICKETS } from './ticket.document';

const CUSTOMER_FORGOTTEN = 'CustomerForgotten';

/** An event at or before a document's `_position` was already folded into it (see documentProjection). */
const alreadyApplied = (document: { _position?: number } | null, event: RecordedEvent): boolean =>
  document?._position !== undefined && document._position >= event.position;

const customerIdOf = (event: RecordedEvent): string | null =>
  typeof event.data.customerId === 'string' ? event.data.customerId : null;

const emptyIndex = (customerId: string): CustomerTicketsDocument => ({
  _id: customerId,
  customerId,
  ticketIds: [],
  forgotten: false,
});

const forgetCustomer = async (
  event: RecordedEvent,
  context: ProjectionContext,
  customerId: string,
) => {
  const index =
    (await context.get<CustomerTicketsDocument>(CUSTOMER_TICKETS, customerId)) ??
    emptyIndex(customerId);
  if (alreadyApplied(index, event)) return;
  context.put(CUSTOMER_TICKETS, { ...index, forgotten: true, _position: event.position });
  for (const ticketId of index.ticketIds) {
    const ticket = await context.get<TicketDocument>(TICKETS, ticketId);
    if (!ticket || alreadyApplied(ticket, event)) continue;
    context.put(TICKETS, { ...eraseTicketText(ticket), _position: event.position });
  }
};

const applyTicketEvent = async (
  event: RecordedEvent,
  context: ProjectionContext,
  customerId: string,
) => {
  const ticketId = String(event.data.ticketId);
  let index = await context.get<CustomerTicketsDocument>(CUSTOMER_TICKETS, customerId);
  if (event.type === 'TicketOpened' && !alreadyApplied(index, event)) {
    index = index ?? emptyIndex(customerId);
    if (!index.ticketIds.includes(ticketId))
      index = { ...index, ticketIds: [...index.ticketIds, ticketId] };
    context.put(CUSTOMER_TICKETS, { ...index, _position: event.position });
  }
  const current = await context.get<TicketDocument>(TICKETS, ticketId);
  if (alreadyApplied(current, event)) return;
  const next = evolveTicketDocument(current, event);
  if (!next) return;
  // Text written after the customer was forgotten is erased as well.
  const visible = index?.forgotten ? eraseTicketText(next) : next;
  context.put(TICKETS, { ...visible, _position: event.position });
};

/** Ticket detail and queues; also erases a forgotten customer's ticket text. */
export const ticketQueueProjection: Projection = {
  name: TICKET_QUEUE_PROJECTION,
  collections: [
    {
      name: TICKETS,
      indexes: [
        { field: 'customerId' },
        { field: 'status' },
        { field: 'agentId' },
        { field: 'priority' },
        { field: 'openedAt' },
        { field: 'resolutionDueAt' },
        // The queues (see searchTickets): equality filters, then what is due first.
        { fields: ['status', 'priority', 'resolutionDueAt'] },
        { fields: ['status', 'resolutionDueAt'] },
        { fields: ['agentId', 'status', 'resolutionDueAt'] },
        { fields: ['priority', 'resolutionDueAt'] },
      ],
    },
    { name: CUSTOMER_TICKETS },
  ],
  handles: [...TICKET_EVENT_TYPES, CUSTOMER_FORGOTTEN],
  async apply(event, context) {
    const customerId = customerIdOf(event);
    if (customerId === null) return;
    if (event.type === CUSTOMER_FORGOTTEN) await forgetCustomer(event, context, customerId);
    else await applyTicketEvent(event, context, customerId);
  },
};
