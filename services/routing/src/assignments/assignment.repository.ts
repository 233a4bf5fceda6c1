import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@petitions/platform';
import { AssignmentEntity } from './assignment.entity';

@Injectable()
export class AssignmentRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** True when stored; false when the petition already had an assignment (nothing changes). */
  async insertIfNew(assignment: AssignmentEntity): Promise<boolean> {
    const result = await this.unitOfWork
      .transactional()
      .createQueryBuilder()
      .insert()
      .into(AssignmentEntity)
      .values(assignment)
      .orIgnore()
      .returning(['petitionId'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  findByPetition(petitionId: string): Promise<AssignmentEntity | null> {
    return this.unitOfWork.reader().findOne(AssignmentEntity, { where: { petitionId } });
  }

  async save(assignment: AssignmentEntity): Promise<void> {
    await this.unitOfWork.transactional().save(AssignmentEntity, assignment);
  }
}
