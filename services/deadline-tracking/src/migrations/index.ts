import { Init1795852409750 } from './1795852409750-Init';

/** In order of application. Never edit a migration that has landed: add a new one. */
export const deadlineTrackingMigrations = [Init1795852409750];
