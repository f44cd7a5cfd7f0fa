export * from './purchases.document';
export * from './purchases.projection';
export * from './predicted-value-analytics.module';
export * from './predicted-value.profile-section';
