import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@petitions/platform';
import { ModelVersionEntity } from './model-version.entity';

@Injectable()
export class ModelRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The active version's id only: the model itself is read once per version and kept. */
  async activeVersion(): Promise<string | undefined> {
    const row = await this.unitOfWork
      .reader()
      .findOne(ModelVersionEntity, { select: { modelVersion: true }, where: { active: true } });
    return row?.modelVersion;
  }

  find(modelVersion: string): Promise<ModelVersionEntity | null> {
    return this.unitOfWork.reader().findOne(ModelVersionEntity, { where: { modelVersion } });
  }

  /** Every version without its content, newest first. */
  list(): Promise<Omit<ModelVersionEntity, 'content'>[]> {
    return this.unitOfWork.reader().find(ModelVersionEntity, {
      select: {
        modelVersion: true,
        trainedAt: true,
        source: true,
        active: true,
        evaluation: true,
        loadedAt: true,
        activatedAt: true,
      },
      order: { loadedAt: 'DESC' },
    });
  }

  /** Makes this version the one active version (stored first if new). Inside the caller's transaction. */
  async activate(entry: ModelVersionEntity): Promise<void> {
    const manager = this.unitOfWork.transactional();
    await manager.update(ModelVersionEntity, { active: true }, { active: false });
    await manager.upsert(ModelVersionEntity, { ...entry, active: true }, ['modelVersion']);
  }
}
