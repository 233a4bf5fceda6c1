import { Init1795852411135 } from './1795852411135-Init';

/** In order of application. Never edit a migration that has landed: add a new one. */
export const disclosureMigrations = [Init1795852411135];
