import { Init1795852408405 } from './1795852408405-Init';

/** In order of application. Never edit a migration that has landed: add a new one. */
export const intakeMigrations = [Init1795852408405];
