import { ERASED } from '@crm/customers';
import type { TicketEvent } from '../../domain/ticket';
import { InMemoryProjectionContext, recorded } from '../../testing/recorded';
import { minutesAfter, ticketEvents } from '../../testing/ticket-events';
import type { TicketDocument } from './ticket.document';
import { CUSTOMER_TICKETS, TICKETS } from './ticket.document';
import { evolveTicketDocument } from './ticket-queue.evolve';
import { ticketQueueProjection } from './ticket-queue.projection';
import { ticketSla } from './ticket-sla';

const ticketId = 't-1';
const customerId = 'c-1';
const events = ticketEvents({ ticketId, customerId });

const fold = (history: TicketEvent[]): TicketDocument => {
  const document = history.reduce<TicketDocument | null>(
    (current, event, i) => evolveTicketDocument(current, recorded(event, i + 1)),
    null,
  );
  if (!document) throw new Error('no document');
  return document;
};

describe('ticket queue read model', () => {
  describe('evolve', () => {
    it('opens an unassigned ticket with both SLA clocks running', () => {
      const sut = fold([events.opened()]);
      expect(sut).toMatchObject({
        status: 'open',
        agentId: null,
        firstResponseDueAt: minutesAfter(480),
        firstResponseAtRiskFrom: minutesAfter(360),
        firstResponseAt: null,
        resolutionDueAt: minutesAfter(72 * 60),
        resolutionAtRiskFrom: minutesAfter(54 * 60),
        resolutionAt: null,
        replies: [],
      });
    });

    it('keeps the reply thread and stops the first-response clock at the first agent reply', () => {
      const sut = fold([
        events.opened(),
        events.replied(5, 'customer'),
        events.replied(30, 'agent'),
        events.replied(40, 'agent'),
      ]);
      expect(sut.replies.map((r) => r.author)).toEqual(['customer', 'agent', 'agent']);
      expect(sut.firstResponseAt).toBe(minutesAfter(30));
      expect(sut.firstResponseLate).toBe(false);
    });

    it('marks a first response after the due time as late', () => {
      const sut = fold([events.opened(), events.replied(481, 'agent')]);
      expect(sut.firstResponseLate).toBe(true);
    });

    it('moves the due times when reclassified and re-judges a stopped clock', () => {
      const sut = fold([
        events.opened(),
        events.replied(45, 'agent'),
        events.classified(50, 'urgent', 30, 240),
      ]);
      expect(sut).toMatchObject({
        priority: 'urgent',
        category: 'technical',
        firstResponseDueAt: minutesAfter(30),
      });
      expect(sut.firstResponseLate).toBe(true);
    });

    it('stops both clocks on resolve, and a resolution counts as the first response', () => {
      const sut = fold([events.opened(), events.resolved(100)]);
      expect(sut).toMatchObject({
        status: 'resolved',
        firstResponseAt: minutesAfter(100),
        resolutionAt: minutesAfter(100),
      });
    });

    it('restarts the resolution clock on reopen against the same due time', () => {
      const sut = fold([events.opened(), events.resolved(100), events.reopened(200)]);
      expect(sut).toMatchObject({
        status: 'open',
        resolvedAt: null,
        resolutionAt: null,
        reopenCount: 1,
      });
      expect(ticketSla(sut, minutesAfter(72 * 60 + 1)).resolution.state).toBe('breached');
    });

    it('stops the clocks when closed without a resolution', () => {
      const sut = fold([events.opened(), events.closed(30)]);
      expect(sut).toMatchObject({
        status: 'closed',
        closedAt: minutesAfter(30),
        resolutionAt: minutesAfter(30),
      });
    });

    it('keeps every rating with its resolution number', () => {
      const sut = fold([
        events.opened(),
        events.resolved(10),
        events.rated(20, 2),
        events.reopened(30),
        events.resolved(40, 2),
        events.rated(50, 5, 2),
      ]);
      expect(sut.ratings.map((r) => [r.resolutionNumber, r.score])).toEqual([
        [1, 2],
        [2, 5],
      ]);
      expect(sut.resolutionCount).toBe(2);
    });
  });

  describe('SLA state at query time', () => {
    const open = fold([events.opened()]);

    it.each([
      [0, 'on_track'],
      [359, 'on_track'],
      [360, 'at_risk'],
      [480, 'at_risk'],
      [481, 'breached'],
    ])('a first-response clock %p minutes after opening is %s', (minutes, state) =>
      expect(ticketSla(open, minutesAfter(minutes)).firstResponse.state).toBe(state),
    );

    it('a clock stopped in time stays met however late it is asked', () => {
      const sut = fold([events.opened(), events.replied(10, 'agent')]);
      expect(ticketSla(sut, minutesAfter(100_000)).firstResponse).toEqual({
        dueAt: minutesAfter(480),
        stoppedAt: minutesAfter(10),
        state: 'met',
      });
    });
  });

  describe('projection', () => {
    it('erases the free text of a forgotten customer’s tickets, including text written later', async () => {
      const context = new InMemoryProjectionContext();
      const history = [
        events.opened(),
        events.replied(5, 'customer', 'my card is 4111'),
        events.resolved(10),
        events.rated(20, 4),
      ];
      let position = 0;
      for (const event of history)
        await ticketQueueProjection.apply(recorded(event, ++position), context);
      await ticketQueueProjection.apply(
        recorded({ type: 'CustomerForgotten', data: { customerId } }, ++position),
        context,
      );
      await ticketQueueProjection.apply(recorded(events.reopened(30), ++position), context);

      const sut = await context.get<TicketDocument>(TICKETS, ticketId);
      expect(sut).toMatchObject({
        erased: true,
        subject: ERASED,
        description: ERASED,
        resolution: ERASED,
        status: 'open',
      });
      expect(sut?.replies[0]?.text).toBe(ERASED);
      expect(sut?.ratings[0]).toMatchObject({ score: 4, comment: ERASED });
      expect(await context.get(CUSTOMER_TICKETS, customerId)).toMatchObject({
        ticketIds: [ticketId],
        forgotten: true,
      });
    });

    it('skips an event it already applied', async () => {
      const context = new InMemoryProjectionContext();
      await ticketQueueProjection.apply(recorded(events.opened(), 1), context);
      await ticketQueueProjection.apply(recorded(events.replied(5, 'agent'), 2), context);
      await ticketQueueProjection.apply(recorded(events.replied(5, 'agent'), 2), context);
      expect((await context.get<TicketDocument>(TICKETS, ticketId))?.replies).toHaveLength(1);
    });
  });
});
