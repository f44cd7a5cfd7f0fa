import { v5 as uuidV5 } from 'uuid';
import type { CommandContext, CommandRunner } from '@crm/eventsourcing';
import { DomainErrorException } from '@crm/eventsourcing';
import type { ErrorDetail } from '@crm/platform';
import type { OrderCommand } from '../domain/order.decider';
import { runOrderDecision } from '../application/order-command.handlers';
import { PAID_STATUSES } from './imported-order.dto';
import type { ImportedOrder } from './imported-orders.validation';

/** Namespace of imported order ids (uuid v5 of customer and ref). */
export const IMPORTED_ORDER_NAMESPACE = 'b0f3a1de-6f0e-4c59-8a43-5e2f6d7c9a10';

/**
 * The order id of a customer's imported order: the same customer and ref always give the same
 * order, whoever runs the import and under whatever key, so no re-run can place it twice.
 */
export const importedOrderId = (customerId: string, ref: string): string =>
  uuidV5(`${customerId}:order:${ref}`, IMPORTED_ORDER_NAMESPACE);

export type ImportStep = 'place' | 'confirm' | 'pay' | 'cancel' | 'ship' | 'deliver' | 'refund';

/**
 * The commands that bring an order to its imported status, in the order the decider accepts
 * them. Every step happens at `placedAt`: the source system rarely knows when each step
 * happened, and inventing later times would move recency.
 */
export const importSteps = (
  orderId: string,
  customerId: string,
  order: ImportedOrder,
): { step: ImportStep; command: OrderCommand }[] => {
  const at = order.placedAt;
  const amount = { amount: order.total, currency: order.currency };
  const paid = PAID_STATUSES.includes(order.status) || order.refunded !== null;
  const steps: { step: ImportStep; command: OrderCommand }[] = [
    {
      step: 'place',
      command: {
        type: 'PlaceOrder',
        orderId,
        customerId,
        currency: order.currency,
        lines: order.lines,
        campaignId: null,
        at,
      },
    },
  ];
  if (order.status !== 'placed' && order.status !== 'cancelled') {
    steps.push({ step: 'confirm', command: { type: 'ConfirmOrder', orderId, at } });
  }
  // A free order (total 0) has nothing to pay.
  if (paid && order.total > 0) {
    steps.push({ step: 'pay', command: { type: 'RecordPayment', orderId, amount, at } });
  }
  if (order.status === 'cancelled') {
    const reason = order.cancelReason ?? 'other';
    steps.push({ step: 'cancel', command: { type: 'CancelOrder', orderId, reason, at } });
  }
  if (order.status === 'shipped' || order.status === 'delivered') {
    steps.push({ step: 'ship', command: { type: 'ShipOrder', orderId, at } });
  }
  if (order.status === 'delivered') {
    steps.push({ step: 'deliver', command: { type: 'DeliverOrder', orderId, at } });
  }
  if (order.refunded) {
    const { reason } = order.refunded;
    const refund = { amount: order.refunded.amount, currency: order.currency };
    steps.push({
      step: 'refund',
      command: { type: 'IssueRefund', orderId, amount: refund, reason, at },
    });
  }
  return steps;
};

export type OrderImportOptions = {
  actor: CommandContext['actor'];
  /** The row's own key (the customer importer's `import:<email blind index>`). */
  keyPrefix: string;
};

export type OrderImportResult = {
  /** Orders with at least one event appended by this run (new, or resumed after a crash). */
  imported: number;
  /** Orders a previous run already brought to their status: nothing appended. */
  alreadyImported: number;
  /** Events appended by this run. */
  events: number;
  /** Orders refused by the sales rules, each naming `orders.<i>` and the domain error code. */
  rejections: ErrorDetail[];
};

/**
 * Places a customer's imported orders: each order's steps run in turn through the command
 * runner, each with an Idempotency-Key of keyPrefix, ref and step. A re-run, or a resume after a
 * crash between two steps, finds the steps already appended and appends only the missing ones.
 */
export class OrderImporter {
  constructor(private readonly runner: CommandRunner) {}

  async place(
    customerId: string,
    orders: readonly ImportedOrder[],
    options: OrderImportOptions,
  ): Promise<OrderImportResult> {
    const result: OrderImportResult = {
      imported: 0,
      alreadyImported: 0,
      events: 0,
      rejections: [],
    };
    // Settled, not all: when the store fails, no order is still writing once this throws.
    const settled = await Promise.allSettled(
      orders.map((order, index) => this.placeOne(customerId, order, index, options)),
    );
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    for (const { value: outcome } of settled as PromiseFulfilledResult<number | ErrorDetail>[]) {
      if (typeof outcome === 'number') {
        result.events += outcome;
        if (outcome > 0) result.imported += 1;
        else result.alreadyImported += 1;
      } else {
        result.rejections.push(outcome);
      }
    }
    return result;
  }

  /** Events appended for this order, or the sales rule that refused it. */
  private async placeOne(
    customerId: string,
    order: ImportedOrder,
    index: number,
    { actor, keyPrefix }: OrderImportOptions,
  ): Promise<number | ErrorDetail> {
    const orderId = importedOrderId(customerId, order.ref);
    let appended = 0;
    for (const { step, command } of importSteps(orderId, customerId, order)) {
      const key = `${keyPrefix}:order:${order.ref}:${step}`;
      const context: CommandContext = { actor, correlationId: keyPrefix, idempotencyKey: key };
      try {
        const run = await runOrderDecision(this.runner, command, context);
        appended += run.appended;
      } catch (error) {
        if (!(error instanceof DomainErrorException)) throw error;
        // Placed by an earlier import under another key or actor: never place it twice.
        if (step === 'place' && error.error.code === 'ORDER_ALREADY_EXISTS') return 0;
        return { field: `orders.${index}`, rule: error.error.code, message: error.error.message };
      }
    }
    return appended;
  }
}
