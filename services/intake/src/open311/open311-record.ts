import { categoryNamed, departmentNamed } from '@petitions/district';
import { maskPersonalData } from '../reporters/mask-personal-data';
import type { TimelineEvent } from '../tracking/petition-status';
import { serviceNoticeOf } from './open311-catalogue';
import type { Open311Document, Open311Object } from './open311-format';
import type { Open311Status } from './open311-query';

/**
 * A petition filed through Open311, as the repository reads it: what intake stored and the status projection
 * (petition_status, petition_timeline). No reporter column is ever read.
 */
export interface Open311RequestRow {
  trackingCode: string;
  text: string;
  serviceCode: string | null;
  address: string | null;
  town: string | null;
  unit: string | null;
  grid: string | null;
  latitude: number | null;
  longitude: number | null;
  mediaUrl: string | null;
  receivedAt: Date;
  departmentCode: string | null;
  complexity: string | null;
  dueAt: Date | null;
  resolvedAt: Date | null;
  stoppedAt: Date | null;
  result: string | null;
  /** The department's latest progress note. */
  progressNote: string | null;
  /** The latest of when it came and every step of its timeline. */
  updatedAt: Date;
}

/** One step of an Open311 request's timeline, for GET Service Request Updates. */
export interface Open311UpdateRow {
  eventId: string;
  trackingCode: string;
  at: Date;
  event: TimelineEvent;
  departmentCode: string | null;
  /** The department's text: the progress note or the result. */
  note: string | null;
  /** The petition had been resolved by this step (this one included). */
  closed: boolean;
}

/** W3C date-time in UTC, whole seconds (`2026-03-02T08:00:00Z`), as GeoReport's examples write it. */
export function w3cDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Closed once the department resolved it or its clock stopped (which happens only on a resolution today). */
export function open311StatusOf(row: Pick<Open311RequestRow, 'resolvedAt' | 'stoppedAt'>): Open311Status {
  return row.resolvedAt !== null || row.stoppedAt !== null ? 'closed' : 'open';
}

function masked(text: string | null): string | null {
  return text === null ? null : maskPersonalData(text);
}

function departmentName(code: string | null): string | null {
  return code === null ? null : (departmentNamed(code)?.name ?? code);
}

/**
 * A request as GET Service Request(s) shows it. Public, as in GeoReport: only what the client filed and what the
 * departments did, never the reporter (their contact is not even read). Phone and ID numbers in the description
 * and the notes are masked, as in intake's logs; full redaction of the public board is disclosure's.
 */
export function open311RecordOf(row: Open311RequestRow): Open311Object {
  const status = open311StatusOf(row);
  const category = row.serviceCode !== null ? categoryNamed(row.serviceCode) : undefined;
  const complexity =
    row.complexity === 'complex' || row.complexity === 'general' ? row.complexity : category?.complexity;
  return {
    service_request_id: row.trackingCode,
    status,
    // The department's own words: its result once closed, its latest progress note until then.
    status_notes: masked(status === 'closed' ? row.result : row.progressNote),
    service_name: category?.name ?? null,
    service_code: row.serviceCode,
    description: maskPersonalData(row.text),
    agency_responsible: departmentName(row.departmentCode),
    service_notice: complexity ? serviceNoticeOf(complexity) : null,
    requested_datetime: w3cDateTime(row.receivedAt),
    updated_datetime: w3cDateTime(row.updatedAt),
    expected_datetime: row.dueAt ? w3cDateTime(row.dueAt) : null,
    address: row.address,
    address_id: row.grid ?? row.unit ?? row.town,
    lat: row.latitude,
    long: row.longitude,
    media_url: row.mediaUrl,
  };
}

/** POST Service Request's answer: the id (the tracking code) and what the resident may expect. */
export function serviceRequestFiledDocument(trackingCode: string, serviceCode: string | undefined): Open311Document {
  const category = serviceCode !== undefined ? categoryNamed(serviceCode) : undefined;
  return {
    kind: 'list',
    root: 'service_requests',
    item: 'request',
    // No accounts here: account_id stays empty, as GeoReport allows.
    entries: [
      {
        service_request_id: trackingCode,
        service_notice: category ? serviceNoticeOf(category.complexity) : null,
        account_id: null,
      },
    ],
  };
}

export function serviceRequestsDocument(rows: readonly Open311RequestRow[]): Open311Document {
  return { kind: 'list', root: 'service_requests', item: 'request', entries: rows.map(open311RecordOf) };
}

/** The text of an update: the department's own for progress and results, a short line for the other steps. */
function updateTextOf(row: Open311UpdateRow): string {
  const department = departmentName(row.departmentCode) ?? '';
  switch (row.event) {
    case 'received':
      return '已受理 (received)';
    case 'assigned':
      return `已交办：${department} (assigned)`;
    case 'acknowledged':
      return `${department}已签收 (acknowledged)`;
    case 'progress':
    case 'resolved':
      return maskPersonalData(row.note ?? '');
    case 'overdue':
      return '已超过办理时限 (overdue)';
    case 'satisfied':
      return '群众评价：满意 (satisfied)';
    case 'unsatisfied':
      return '群众评价：不满意 (unsatisfied)';
    case 'reopened':
      return '已重新办理 (reopened)';
  }
}

/** A step as GET Service Request Updates (FixMyStreet's extension) shows it. */
export function open311UpdateOf(row: Open311UpdateRow): Open311Object {
  return {
    update_id: row.eventId,
    service_request_id: row.trackingCode,
    status: row.closed ? 'closed' : 'open',
    updated_datetime: w3cDateTime(row.at),
    description: updateTextOf(row),
    media_url: null,
  };
}

export function serviceRequestUpdatesDocument(rows: readonly Open311UpdateRow[]): Open311Document {
  return { kind: 'list', root: 'service_request_updates', item: 'request_update', entries: rows.map(open311UpdateOf) };
}
