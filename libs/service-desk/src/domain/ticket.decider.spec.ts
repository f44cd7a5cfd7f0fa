import { deciderSpec } from '@crm/eventsourcing/testing';
import { defaultServiceDeskPolicy } from './sla-policy';
import type { TicketEvent } from './ticket';
import type { TicketCommand } from './ticket.decider';
import { ticketDecider } from './ticket.decider';

const spec = deciderSpec(ticketDecider);
const sla = defaultServiceDeskPolicy.sla;
const ticketId = '0b6f3c1e-8a2d-4e5f-9a7b-1c2d3e4f5a6b';
const customerId = '7d3c5a2e-1f4b-4c6d-8e9f-0a1b2c3d4e5f';
const t0 = '2025-03-01T09:00:00.000Z';
const later = (minutes: number): string =>
  new Date(Date.parse(t0) + minutes * 60_000).toISOString();
const DAY = 24 * 60;
const on = { ticketId, customerId };

const opened: TicketEvent = {
  type: 'TicketOpened',
  data: {
    ...on,
    at: t0,
    subject: 'Invoice wrong',
    description: 'Charged twice in February',
    category: 'billing',
    channel: 'email',
    priority: 'normal',
    firstResponseDueAt: later(8 * 60),
    resolutionDueAt: later(72 * 60),
  },
};
const assigned = (agentId = 'agent-1', at = later(10)): TicketEvent => ({
  type: 'TicketAssigned',
  data: { ...on, at, agentId },
});
const resolved = (resolutionNumber = 1, at = later(60)): TicketEvent => ({
  type: 'TicketResolved',
  data: { ...on, at, resolutionNumber, resolution: 'Refunded the duplicate charge' },
});
const reopened = (at = later(2 * DAY)): TicketEvent => ({
  type: 'TicketReopened',
  data: { ...on, at, reason: 'charged again' },
});
const closed = (at = later(3 * DAY)): TicketEvent => ({
  type: 'TicketClosed',
  data: { ...on, at },
});
const rated = (resolutionNumber = 1, score = 4, at = later(90)): TicketEvent => ({
  type: 'SatisfactionRated',
  data: {
    ...on,
    at,
    resolutionNumber,
    score,
    comment: null,
    agentId: 'agent-1',
    category: 'billing',
    channel: 'email',
  },
});

const commands = {
  open: (): TicketCommand => ({
    type: 'OpenTicket',
    ticketId,
    customerId,
    subject: 'Invoice wrong',
    description: 'Charged twice in February',
    category: 'billing',
    channel: 'email',
    priority: 'normal',
    sla,
    at: t0,
  }),
  classify: (
    category = 'billing',
    priority: 'low' | 'normal' | 'high' | 'urgent' = 'urgent',
  ): TicketCommand => ({
    type: 'ClassifyTicket',
    ticketId,
    category,
    priority,
    sla,
    at: later(5),
  }),
  assign: (agentId = 'agent-1'): TicketCommand => ({
    type: 'AssignTicket',
    ticketId,
    agentId,
    at: later(10),
  }),
  reply: (author: 'agent' | 'customer' = 'agent'): TicketCommand => ({
    type: 'AddReply',
    ticketId,
    replyId: 'r1',
    author,
    text: 'Looking into it',
    at: later(20),
  }),
  resolve: (): TicketCommand => ({
    type: 'ResolveTicket',
    ticketId,
    resolution: 'Refunded the duplicate charge',
    at: later(60),
  }),
  reopen: (at = later(2 * DAY)): TicketCommand => ({
    type: 'ReopenTicket',
    ticketId,
    reason: 'charged again',
    reopenWindowDays: 14,
    at,
  }),
  close: (): TicketCommand => ({ type: 'CloseTicket', ticketId, at: later(3 * DAY) }),
  rate: (score = 4, at = later(90)): TicketCommand => ({
    type: 'RateSatisfaction',
    ticketId,
    score,
    comment: null,
    at,
  }),
};

const everyCommandButOpen = (
  ['classify', 'assign', 'reply', 'resolve', 'reopen', 'close', 'rate'] as const
).map((name) => [name, commands[name]()] as const);

describe('ticket decider', () => {
  describe('given no ticket', () => {
    it('opens the ticket with due times from the policy for its priority', () =>
      spec.given([]).when(commands.open()).then([opened]));

    it.each(everyCommandButOpen)('refuses %s on a ticket that does not exist', (_name, command) =>
      spec.given([]).when(command).thenFails('TICKET_NOT_FOUND', new RegExp(ticketId)),
    );
  });

  describe('given an open ticket', () => {
    it('refuses to open it twice', () =>
      spec
        .given([opened])
        .when(commands.open())
        .thenFails('TICKET_ALREADY_EXISTS', /status open/));

    it('reclassifies and moves the due times, still counted from opening', () =>
      spec
        .given([opened])
        .when(commands.classify('technical', 'urgent'))
        .then([
          {
            type: 'TicketClassified',
            data: {
              ...on,
              at: later(5),
              category: 'technical',
              priority: 'urgent',
              firstResponseDueAt: later(30),
              resolutionDueAt: later(4 * 60),
            },
          },
        ]));

    it('records nothing when the classification does not change', () =>
      spec.given([opened]).when(commands.classify('billing', 'normal')).then([]));

    it('assigns an agent', () => spec.given([opened]).when(commands.assign()).then([assigned()]));

    it('records nothing when assigning the same agent again', () =>
      spec.given([opened, assigned()]).when(commands.assign()).then([]));

    it('reassigns to another agent', () =>
      spec
        .given([opened, assigned()])
        .when(commands.assign('agent-2'))
        .then([assigned('agent-2')]));

    it.each(['agent', 'customer'] as const)('adds a reply by the %s', (author) =>
      spec
        .given([opened])
        .when(commands.reply(author))
        .then([
          {
            type: 'TicketReplyAdded',
            data: { ...on, at: later(20), replyId: 'r1', author, text: 'Looking into it' },
          },
        ]),
    );

    it('resolves as resolution 1', () =>
      spec
        .given([opened])
        .when(commands.resolve())
        .then([resolved(1)]));

    it('closes without a resolution', () =>
      spec.given([opened]).when(commands.close()).then([closed()]));

    it('refuses to reopen a ticket that is not resolved', () =>
      spec
        .given([opened])
        .when(commands.reopen())
        .thenFails('TICKET_NOT_RESOLVED', /it is open/));

    it('refuses a rating before the ticket is resolved', () =>
      spec
        .given([opened])
        .when(commands.rate())
        .thenFails('TICKET_NOT_RESOLVED', /it is open/));
  });

  describe('given a resolved ticket', () => {
    const history = [opened, assigned(), resolved(1)];

    it.each([
      ['classify', commands.classify()],
      ['assign', commands.assign('agent-2')],
      ['reply', commands.reply('customer')],
      ['resolve', commands.resolve()],
    ] as const)('refuses to %s it and says it is resolved', (_name, command) =>
      spec
        .given(history)
        .when(command)
        .thenFails('TICKET_ALREADY_RESOLVED', /it is resolved; reopen it first/),
    );

    it('refuses to open it again', () =>
      spec
        .given(history)
        .when(commands.open())
        .thenFails('TICKET_ALREADY_EXISTS', /status resolved/));

    it('reopens within the window', () =>
      spec.given(history).when(commands.reopen()).then([reopened()]));

    it('reopens on the last moment of the window', () =>
      spec
        .given(history)
        .when(commands.reopen(later(60 + 14 * DAY)))
        .then([reopened(later(60 + 14 * DAY))]));

    it('refuses to reopen after the window and names its end', () =>
      spec
        .given(history)
        .when(commands.reopen(later(60 + 14 * DAY + 1)))
        .thenFails(
          'REOPEN_WINDOW_EXPIRED',
          new RegExp(`it is resolved and its reopen window ended at ${later(60 + 14 * DAY)}`),
        ));

    it('closes', () => spec.given(history).when(commands.close()).then([closed()]));

    it('rates the resolution with the agent, category and channel at rating time', () =>
      spec
        .given(history)
        .when(commands.rate(4))
        .then([rated(1, 4)]));

    it.each([0, 6, 3.5, -1])('refuses the score %p', (score) =>
      spec
        .given(history)
        .when(commands.rate(score))
        .thenFails('INVALID_SCORE', /integer from 1 to 5/),
    );

    it('refuses a second rating of the same resolution', () =>
      spec
        .given([...history, rated(1)])
        .when(commands.rate(5))
        .thenFails('SATISFACTION_ALREADY_RATED', /is resolved and resolution 1 was already rated/));

    it('rates the unassigned resolution with no agent', () =>
      spec
        .given([opened, resolved(1)])
        .when(commands.rate(2))
        .then([
          {
            type: 'SatisfactionRated',
            data: { ...rated(1, 2).data, agentId: null },
          } as TicketEvent,
        ]));
  });

  describe('given a reopened ticket', () => {
    const history = [opened, assigned(), resolved(1), rated(1, 2), reopened()];

    it('is open again: takes replies', () =>
      spec
        .given(history)
        .when(commands.reply('agent'))
        .then([
          {
            type: 'TicketReplyAdded',
            data: { ...on, at: later(20), replyId: 'r1', author: 'agent', text: 'Looking into it' },
          },
        ]));

    it('refuses a rating until it is resolved again', () =>
      spec
        .given(history)
        .when(commands.rate())
        .thenFails('TICKET_NOT_RESOLVED', /it is open/));

    it('resolves as resolution 2', () =>
      spec
        .given(history)
        .when(commands.resolve())
        .then([resolved(2)]));

    it('takes a new rating of the new resolution', () =>
      spec
        .given([...history, resolved(2)])
        .when(commands.rate(5))
        .then([rated(2, 5)]));

    it('refuses a second rating of the new resolution', () =>
      spec
        .given([...history, resolved(2), rated(2, 5)])
        .when(commands.rate(5))
        .thenFails('SATISFACTION_ALREADY_RATED', /resolution 2/));
  });

  describe('given a closed ticket', () => {
    const history = [opened, assigned(), resolved(1), closed()];

    it.each([
      ['classify', commands.classify()],
      ['assign', commands.assign('agent-2')],
      ['reply', commands.reply()],
      ['resolve', commands.resolve()],
      ['reopen', commands.reopen()],
      ['close', commands.close()],
    ] as const)('refuses to %s it and says it is closed', (_name, command) =>
      spec
        .given(history)
        .when(command)
        .thenFails('TICKET_ALREADY_CLOSED', /it is closed/),
    );

    it('refuses to open it again', () =>
      spec
        .given(history)
        .when(commands.open())
        .thenFails('TICKET_ALREADY_EXISTS', /status closed/));

    it('rates the resolution it was closed with', () =>
      spec
        .given(history)
        .when(commands.rate(5, later(4 * DAY)))
        .then([rated(1, 5, later(4 * DAY))]));

    it('refuses a rating when the resolution was rated before closing', () =>
      spec
        .given([opened, assigned(), resolved(1), rated(1), closed()])
        .when(commands.rate(5))
        .thenFails('SATISFACTION_ALREADY_RATED', /is closed and resolution 1/));

    it('refuses a rating when it was closed without a resolution', () =>
      spec
        .given([opened, closed()])
        .when(commands.rate())
        .thenFails('TICKET_NOT_RESOLVED', /closed without a resolution/));

    it('refuses a rating when it was closed after a reopen', () =>
      spec
        .given([opened, resolved(1), reopened(), closed()])
        .when(commands.rate())
        .thenFails('TICKET_NOT_RESOLVED', /closed without a resolution/));
  });
});
