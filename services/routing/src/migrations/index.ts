import { Init1795852409113 } from './1795852409113-Init';
import { ClassifiedRouting1795865781620 } from './1795865781620-ClassifiedRouting';
import { ModelVersions1795871227134 } from './1795871227134-ModelVersions';

/** In order of application. Never edit a migration that has landed: add a new one. */
export const routingMigrations = [Init1795852409113, ClassifiedRouting1795865781620, ModelVersions1795871227134];
