import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ModelEvaluation } from './model-evaluation';

/**
 * A classifier model routing has been given, by its version (a digest of its parameters). Exactly one is active:
 * every replica classifies with it. Each switch is recorded: who, when, and how the model did on the stored
 * training labels against the model it replaced.
 */
@Entity({ name: 'model_versions' })
@Index('model_versions_one_active', ['active'], { unique: true, where: 'active' })
export class ModelVersionEntity {
  @PrimaryColumn('text', { name: 'model_version' })
  modelVersion!: string;

  /** The model file as given. */
  @Column('text')
  content!: string;

  @Column('timestamptz', { name: 'trained_at' })
  trainedAt!: Date;

  /** `shipped` (services/routing/data/model.json) or `api:<operator id>`. */
  @Column('text')
  source!: string;

  @Column('boolean')
  active!: boolean;

  /** The evaluation it was switched on with (none for the shipped model taken at start). */
  @Column('jsonb', { nullable: true })
  evaluation!: ModelEvaluation | null;

  @Column('timestamptz', { name: 'loaded_at' })
  loadedAt!: Date;

  @Column('timestamptz', { name: 'activated_at', nullable: true })
  activatedAt!: Date | null;
}
