export * from './imported-order.dto';
export * from './imported-orders.validation';
export * from './order-importer';
