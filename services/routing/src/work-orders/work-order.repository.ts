import { Injectable } from '@nestjs/common';
import { qualifiedTable, UnitOfWork } from '@petitions/platform';
import { In, Not } from 'typeorm';
import { WorkOrderEntity, type WorkOrderStatus } from './work-order.entity';

@Injectable()
export class WorkOrderRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Stores work orders; one that exists for the same department (a co-department made primary) is replaced. */
  async save(orders: readonly WorkOrderEntity[]): Promise<void> {
    if (orders.length > 0)
      await this.unitOfWork.transactional().upsert(WorkOrderEntity, [...orders], ['petitionId', 'departmentCode']);
  }

  /**
   * Records a department's answer on its standing work order in one statement (no lost update against the
   * escalation scanner); returns the order as it now is, or undefined when there was none standing.
   */
  async markAnswered(
    petitionId: string,
    departmentCode: string,
    status: 'acknowledged' | 'resolved',
    at: Date,
  ): Promise<WorkOrderEntity | undefined> {
    const manager = this.unitOfWork.transactional();
    const table = qualifiedTable(manager, WorkOrderEntity);
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE ${table} SET status = $3, acknowledged_at = COALESCE(acknowledged_at, $4), updated_at = now()
        WHERE petition_id = $1 AND department_code = $2 AND status IN ('issued', 'acknowledged')
        RETURNING petition_id`,
      [petitionId, departmentCode, status, at],
    );
    return rows.length > 0 ? ((await this.find(petitionId, departmentCode)) ?? undefined) : undefined;
  }

  find(petitionId: string, departmentCode: string): Promise<WorkOrderEntity | null> {
    return this.unitOfWork.reader().findOne(WorkOrderEntity, { where: { petitionId, departmentCode } });
  }

  ofPetition(petitionId: string): Promise<WorkOrderEntity[]> {
    return this.unitOfWork.reader().find(WorkOrderEntity, { where: { petitionId } });
  }

  /** A department's work orders, newest first; withdrawn ones only when asked for by status. */
  ofDepartment(departmentCode: string, statuses?: readonly WorkOrderStatus[], limit = 200): Promise<WorkOrderEntity[]> {
    return this.unitOfWork.reader().find(WorkOrderEntity, {
      where: { departmentCode, status: statuses ? In([...statuses]) : Not('withdrawn') },
      order: { issuedAt: 'DESC' },
      take: limit,
    });
  }

  /**
   * Marks issued work orders whose acknowledgement is overdue (by the database's clock) as escalated, claiming them
   * with SKIP LOCKED so that replicas never take the same one. Inside the transaction that writes the events.
   */
  async claimOverdue(limit: number): Promise<WorkOrderEntity[]> {
    const manager = this.unitOfWork.transactional();
    const table = qualifiedTable(manager, WorkOrderEntity);
    const [rows] = await manager.query<[{ petition_id: string; department_code: string }[], number]>(
      `UPDATE ${table} SET escalated_at = now(), updated_at = now()
        WHERE (petition_id, department_code) IN (
          SELECT petition_id, department_code FROM ${table}
           WHERE status = 'issued' AND escalated_at IS NULL AND acknowledge_by <= now()
           ORDER BY acknowledge_by LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING petition_id, department_code`,
      [limit],
    );
    if (rows.length === 0) return [];
    return manager.find(WorkOrderEntity, {
      where: rows.map((row) => ({ petitionId: row.petition_id, departmentCode: row.department_code })),
    });
  }
}
