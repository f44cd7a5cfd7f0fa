import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { CommandContext } from '@crm/eventsourcing';
import { deriveAggregateId } from '@crm/eventsourcing';
import type { ErrorDetail } from '@crm/platform';
import { toDetails } from '@crm/platform';
import type { PiiHasher } from '@crm/security/pii';
import { createCustomerCommand } from '../application/customer-command.handlers';
import type { CreateCustomer } from '../domain/customer.decider';
import { CreateCustomerDto } from '../http/customer.dto';

/** A row valid as a `POST /customers` request: its command and its email's blind index. */
export type CheckedCustomer = { command: CreateCustomer; emailHash: string };

export type CustomerRowCheck = CheckedCustomer | ErrorDetail;

export const isRejection = (check: CustomerRowCheck): check is ErrorDetail => 'rule' in check;

/** The row's command context: its Idempotency-Key is derived from the email's blind index. */
export const importContext = (
  actor: CommandContext['actor'],
  emailHash: string,
): CommandContext => ({
  actor,
  correlationId: `import:${emailHash}`,
  idempotencyKey: `import:${emailHash}`,
});

/**
 * One row's customer fields checked as `POST /customers` checks its body (the first rule it
 * breaks), and, when valid, its CreateCustomer command with blind indexes and the customer id
 * derived from the email: the CPU work of a row, with no IO.
 */
export const checkCustomerRow = (
  fields: Record<string, unknown>,
  hasher: PiiHasher,
  actor: CommandContext['actor'],
): CustomerRowCheck => {
  const dto = plainToInstance(CreateCustomerDto, fields);
  // The request DTO has no async validators: the synchronous run gives the same errors
  // without a promise per property and constraint.
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  const rejection = toDetails(errors)[0];
  if (rejection) return rejection;
  const emailHash = hasher.hash('email', dto.email);
  const customerId = deriveAggregateId(importContext(actor, emailHash), 'customer');
  return { command: createCustomerCommand(dto, customerId, hasher), emailHash };
};

/** Checks chunks of rows; an importer awaits one chunk's checks while it runs the previous. */
export interface CustomerRowChecker {
  check(
    rows: readonly Record<string, unknown>[],
    actor: CommandContext['actor'],
  ): Promise<CustomerRowCheck[]>;
  close(): Promise<void>;
}

/** Checks rows on the calling thread. */
export class InProcessRowChecker implements CustomerRowChecker {
  constructor(private readonly hasher: PiiHasher) {}

  check(
    rows: readonly Record<string, unknown>[],
    actor: CommandContext['actor'],
  ): Promise<CustomerRowCheck[]> {
    return Promise.resolve(rows.map((fields) => checkCustomerRow(fields, this.hasher, actor)));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
