export * from './campaign-audience.source';
export * from './campaign-results.query';
export * from './campaign-analytics.module';
