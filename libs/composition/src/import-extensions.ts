import type { ImportRowExtension } from '@crm/customers';
import type { CommandRunner } from '@crm/eventsourcing';
import type { ImportedOrder } from '@crm/sales';
import { OrderImporter, validateImportedOrders } from '@crm/sales';

/** A row's `orders` (JSON lines): validated by sales, placed once the customer exists. */
const ordersExtension = (runner: CommandRunner): ImportRowExtension => {
  const orders = new OrderImporter(runner);
  return {
    field: 'orders',
    validate: (value) => {
      const checked = validateImportedOrders(value);
      return 'rule' in checked ? checked : { value: checked.orders };
    },
    apply: (customerId, value, options) =>
      orders.place(customerId, value as ImportedOrder[], options),
  };
};

/** What an import row may carry besides the customer, by field. */
export const importRowExtensions = (runner: CommandRunner): ImportRowExtension[] => [
  ordersExtension(runner),
];
