export * from './satisfaction';
export * from './customer-value';
export * from './rfm';
export * from './campaigns';
export * from './predicted-value';
