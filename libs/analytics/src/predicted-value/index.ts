export * from './purchases.document';
export * from './purchases.projection';
