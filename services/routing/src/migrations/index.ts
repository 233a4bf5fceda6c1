import { Init1795852409113 } from './1795852409113-Init';

/** In order of application. Never edit a migration that has landed: add a new one. */
export const routingMigrations = [Init1795852409113];
