import type { CommandContext } from '@crm/eventsourcing';
import type { ErrorDetail } from '@crm/platform';

/** What an extension did for one row's customer. */
export type ImportRowExtensionResult = {
  imported: number;
  alreadyImported: number;
  /** Items refused by their own context's rules, each naming its field path and rule. */
  rejections: ErrorDetail[];
};

/**
 * Data about a customer that belongs to another context (e.g. their `orders`), carried by the
 * same import row. The importer takes the field out of the row, validates it before anything
 * is written (a bad value rejects the whole row), and applies it once the customer exists,
 * with the row's own idempotency key, so re-runs and resumes stay exact. Contexts provide
 * extensions through the composition root; the customers context knows none of them.
 */
export type ImportRowExtension = {
  field: string;
  validate(value: unknown): ErrorDetail | { value: unknown };
  apply(
    customerId: string,
    value: unknown,
    options: { actor: CommandContext['actor']; keyPrefix: string },
  ): Promise<ImportRowExtensionResult>;
};

export const IMPORT_ROW_EXTENSIONS = Symbol('IMPORT_ROW_EXTENSIONS');
