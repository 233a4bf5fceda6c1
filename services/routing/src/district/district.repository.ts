import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@petitions/platform';
import { DistrictVersionEntity } from './district-version.entity';

@Injectable()
export class DistrictRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  findActive(): Promise<DistrictVersionEntity | null> {
    return this.unitOfWork.reader().findOne(DistrictVersionEntity, { where: { active: true } });
  }

  findVersion(version: string): Promise<DistrictVersionEntity | null> {
    return this.unitOfWork.reader().findOne(DistrictVersionEntity, { where: { version } });
  }

  list(): Promise<DistrictVersionEntity[]> {
    return this.unitOfWork.reader().find(DistrictVersionEntity, { order: { loadedAt: 'DESC' } });
  }

  /** Makes `version` the one active version (stored first if new). Inside the caller's transaction. */
  async activate(entry: DistrictVersionEntity): Promise<void> {
    const manager = this.unitOfWork.transactional();
    await manager.update(DistrictVersionEntity, { active: true }, { active: false });
    await manager.upsert(DistrictVersionEntity, { ...entry, active: true }, ['version']);
  }
}
