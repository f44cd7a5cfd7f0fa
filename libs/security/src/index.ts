export * from './api-keys/api-key.service';
export * from './auth/roles.decorator';
export * from './auth/api-key.guard';
export * from './auth/uuid.pipe';
export * from './pii/masking';
export * from './security.module';
export * from './pii';
export * from './pii/pii-reveal.hook';
