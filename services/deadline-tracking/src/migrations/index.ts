import { Init1795853947908 } from './1795853947908-Init';
import { DeadlineLadder1795866953053 } from './1795866953053-DeadlineLadder';

/** In order of application. Never edit a migration that has landed: add a new one. */
export const deadlineTrackingMigrations = [Init1795853947908, DeadlineLadder1795866953053];
