import type { TicketEvent } from '../../domain/ticket';
import { InMemoryProjectionContext, recorded } from '../../testing/recorded';
import { ticketEvents } from '../../testing/ticket-events';
import { customerServiceStatsProjection } from './customer-service-stats.projection';
import { serviceProfileSection } from './service-profile.section';
import type { CustomerServiceStatsDocument } from './customer-service-stats.document';
import { CUSTOMER_SERVICE_STATS } from './customer-service-stats.document';

const customerId = 'c-1';
const first = ticketEvents({ ticketId: 't-1', customerId });
const second = ticketEvents({ ticketId: 't-2', customerId });

const project = async (history: TicketEvent[]) => {
  const context = new InMemoryProjectionContext();
  let position = 0;
  for (const event of history)
    await customerServiceStatsProjection.apply(recorded(event, ++position), context);
  return context.get<CustomerServiceStatsDocument>(CUSTOMER_SERVICE_STATS, customerId);
};

describe('customer service stats read model', () => {
  it('counts tickets and the ones still open', async () =>
    expect(await project([first.opened(), second.opened(), first.resolved(10)])).toMatchObject({
      serviceCount: 2,
      openTicketIds: ['t-2'],
      openTicketCount: 1,
    }));

  it('counts a reopened ticket as open again and a closed one as not', async () =>
    expect(
      await project([
        first.opened(),
        second.opened(),
        first.resolved(10),
        first.reopened(20),
        second.closed(30),
      ]),
    ).toMatchObject({ serviceCount: 2, openTicketIds: ['t-1'], openTicketCount: 1 }));

  it('keeps the customer’s own satisfaction sum and count', async () =>
    expect(
      await project([
        first.opened(),
        first.resolved(10),
        first.rated(11, 2),
        first.reopened(20),
        first.resolved(30, 2),
        first.rated(31, 5, 2),
      ]),
    ).toMatchObject({ ratingCount: 2, ratingSum: 7 }));

  it('shows on the profile as counts and the average Σ score / n', async () => {
    const stats = await project([
      first.opened(),
      first.resolved(10),
      first.rated(11, 2),
      second.opened(),
      second.resolved(12),
      second.rated(13, 5),
    ]);
    const documents = { getMany: () => Promise.resolve([stats]) } as never;
    const sut = await serviceProfileSection.load(documents, [customerId]);
    expect(sut.get(customerId)).toEqual({
      serviceCount: 2,
      openTicketCount: 0,
      satisfaction: { average: 3.5, n: 2 },
    });
  });

  it('shows no average without ratings', () =>
    expect(serviceProfileSection.empty).toEqual({
      serviceCount: 0,
      openTicketCount: 0,
      satisfaction: { average: null, n: 0 },
    }));
});
