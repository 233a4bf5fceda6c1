export * from './service-definition';
export * from './tokens';
export * from './service-runtime.module';
export * from './bootstrap';
