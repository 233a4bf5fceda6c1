import { Init1795853947908 } from './1795853947908-Init';

/** In order of application. Never edit a migration that has landed: add a new one. */
export const deadlineTrackingMigrations = [Init1795853947908];
