export * from './config/load-config';
export * from './config/common-config';
export * from './time/clock';
export * from './database/data-source';
export * from './database/unit-of-work';
export * from './health/health.controller';
export * from './database/advisory-lock';
export * from './database/group-commit';
