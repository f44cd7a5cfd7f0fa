export * from './rfm-segments';
export * from './rfm.scoring';
export * from './rfm.queries';
export * from './rfm.report';
export * from './rfm.profile-section';
export * from './rfm.query';
export * from './rfm-analytics.module';
