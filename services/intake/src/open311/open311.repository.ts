import { Injectable } from '@nestjs/common';
import { qualifiedTable, UnitOfWork } from '@petitions/platform';
import type { EntityManager } from 'typeorm';
import { PetitionEntity } from '../petitions/petition.entity';
import { PetitionStatusEntity, PetitionTimelineEntity } from '../tracking/tracking.entity';
import type { Open311RequestRow, Open311UpdateRow } from './open311-record';
import type { DateRange, RequestFilter } from './open311-query';
import { Open311RequestEntity } from './open311-request.entity';

interface Tables {
  requests: string;
  petitions: string;
  status: string;
  timeline: string;
}

function tablesOf(manager: EntityManager): Tables {
  return {
    requests: qualifiedTable(manager, Open311RequestEntity),
    petitions: qualifiedTable(manager, PetitionEntity),
    status: qualifiedTable(manager, PetitionStatusEntity),
    timeline: qualifiedTable(manager, PetitionTimelineEntity),
  };
}

/** A petition counts as closed once resolved or its clock stopped (open311StatusOf says the same in TypeScript). */
const CLOSED = 'COALESCE(s.resolved_at, s.stopped_at) IS NOT NULL';

/** The WHERE conditions of a filter, with their parameters numbered from $1. */
function conditionsOf(filter: RequestFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown): string => `$${params.push(value)}`;
  if (filter.kind === 'ids') {
    where.push(`p.tracking_code = ANY(${param(filter.trackingCodes)}::text[])`);
    return { where, params };
  }
  if (filter.serviceCodes) where.push(`p.channel_category = ANY(${param(filter.serviceCodes)}::text[])`);
  if (filter.statuses && filter.statuses.length === 1)
    where.push(filter.statuses[0] === 'closed' ? CLOSED : `NOT (${CLOSED})`);
  if (filter.requested) {
    where.push(`p.received_at >= ${param(filter.requested.from)} AND p.received_at <= ${param(filter.requested.to)}`);
  }
  // By when intake learned of a step, so that a step reported late is not missed by a client polling by time.
  if (filter.updatedAfter) where.push(`GREATEST(p.received_at, latest.recorded_at) > ${param(filter.updatedAfter)}`);
  return { where, params };
}

/** Open311's reads and its one table; the reporter's columns are never selected. */
@Injectable()
export class Open311Repository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Once per petition: a retried request finds its row already there. */
  async recordRequest(request: Open311RequestEntity): Promise<void> {
    await this.unitOfWork
      .transactional()
      .createQueryBuilder()
      .insert()
      .into(Open311RequestEntity)
      .values(request)
      .orIgnore()
      .execute();
  }

  /** The Open311 requests a filter selects, newest first, at most `limit`. */
  requests(filter: RequestFilter, limit: number): Promise<Open311RequestRow[]> {
    const manager = this.unitOfWork.reader();
    const t = tablesOf(manager);
    const { where, params } = conditionsOf(filter);
    const sql = `
      SELECT p.tracking_code AS "trackingCode", p.text, p.channel_category AS "serviceCode", p.address, p.town,
             p.unit, p.grid, p.latitude, p.longitude, o.media_url AS "mediaUrl", p.received_at AS "receivedAt",
             s.department_code AS "departmentCode", s.complexity, s.due_at AS "dueAt",
             s.resolved_at AS "resolvedAt", s.stopped_at AS "stoppedAt", s.result,
             (SELECT n.note FROM ${t.timeline} n WHERE n.petition_id = p.id AND n.event = 'progress'
               ORDER BY n.at DESC, n.event_id DESC LIMIT 1) AS "progressNote",
             GREATEST(p.received_at, latest.at) AS "updatedAt"
        FROM ${t.requests} o
        JOIN ${t.petitions} p ON p.id = o.petition_id
        LEFT JOIN ${t.status} s ON s.petition_id = p.id
        LEFT JOIN LATERAL (SELECT max(l.at) AS at, max(l.recorded_at) AS recorded_at
                             FROM ${t.timeline} l WHERE l.petition_id = p.id) latest ON true
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY p.received_at DESC, p.id DESC
       LIMIT ${Number(limit)}`;
    return manager.query<Open311RequestRow[]>(sql, params);
  }

  /**
   * The steps of Open311 requests that intake recorded within the range, oldest first, at most `limit` (a client
   * goes on from the last one's time). Each says whether the petition had been resolved by then.
   */
  updates(range: DateRange, limit: number): Promise<Open311UpdateRow[]> {
    const manager = this.unitOfWork.reader();
    const t = tablesOf(manager);
    const sql = `
      SELECT u.event_id AS "eventId", p.tracking_code AS "trackingCode", u.at, u.event,
             u.department_code AS "departmentCode", u.note,
             EXISTS (SELECT 1 FROM ${t.timeline} r
                      WHERE r.petition_id = u.petition_id AND r.event = 'resolved' AND r.at <= u.at) AS closed
        FROM ${t.timeline} u
        JOIN ${t.requests} o ON o.petition_id = u.petition_id
        JOIN ${t.petitions} p ON p.id = u.petition_id
       WHERE u.recorded_at >= $1 AND u.recorded_at <= $2
       ORDER BY u.recorded_at, u.event_id
       LIMIT ${Number(limit)}`;
    return manager.query<Open311UpdateRow[]>(sql, [range.from, range.to]);
  }
}
