export * from './customer-value.document';
export * from './customer-value.evolve';
export * from './customer-value.projection';
export * from './customer-value.queries';
export * from './customer-value.profile-section';
export * from './customer-value.query';
export * from './customer-value-analytics.module';
