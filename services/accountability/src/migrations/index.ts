import { Init1795852410506 } from './1795852410506-Init';

/** In order of application. Never edit a migration that has landed: add a new one. */
export const accountabilityMigrations = [Init1795852410506];
