import { CATEGORY_CODES } from '@petitions/district';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { FieldProblems } from '../http/intake-http.error';
import { parseTrackingCode } from '../petitions/tracking-code';

/** GeoReport's default and widest date range, and the most records one answer holds. */
export const WINDOW_DAYS = 90;
export const MAX_RECORDS = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A W3C date-time with its time zone (`2026-03-02T08:00:00Z`, `2026-03-02T16:00:00+08:00`), as GeoReport asks. */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const W3C_MESSAGE = { message: '$property must be a date-time with a time zone, e.g. 2026-03-02T08:00:00Z' };

/** The date range of GET Service Requests and GET Service Request Updates. */
export class DateRangeQuery {
  @IsOptional() @Matches(W3C_DATETIME, W3C_MESSAGE) start_date?: string;
  @IsOptional() @Matches(W3C_DATETIME, W3C_MESSAGE) end_date?: string;
  /** One jurisdiction is served: accepted and ignored. */
  @IsOptional() @IsString() jurisdiction_id?: string;
  /** Reads need no key (GeoReport); FixMyStreet sends one anyway: accepted and ignored. */
  @IsOptional() @IsString() api_key?: string;
}

/** GET Service Requests' parameters; lists are comma-separated. */
export class ServiceRequestsQuery extends DateRangeQuery {
  /** Overrides every other parameter. */
  @IsOptional() @IsString() @MaxLength(MAX_RECORDS * 15) service_request_id?: string;
  @IsOptional() @IsString() @MaxLength(2000) service_code?: string;
  @IsOptional()
  @Matches(/^(?:open|closed)(?:,(?:open|closed))*$/, { message: '$property must be open, closed or open,closed' })
  status?: string;
  @IsOptional() @Matches(W3C_DATETIME, W3C_MESSAGE) updated_after?: string;
}

export type Open311Status = 'open' | 'closed';

export interface DateRange {
  readonly from: Date;
  readonly to: Date;
}

export type RequestFilter =
  /** Named requests (tracking codes), whatever else was asked. */
  | { readonly kind: 'ids'; readonly trackingCodes: readonly string[] }
  | {
      readonly kind: 'search';
      readonly serviceCodes: readonly string[] | null;
      readonly statuses: readonly Open311Status[] | null;
      /** On `requested_datetime`; null when only `updated_after` bounds the search. */
      readonly requested: DateRange | null;
      readonly updatedAfter: Date | null;
    };

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: FieldProblems[] };

function listOf(value: string): string[] {
  return [...new Set(value.split(',').map((item) => item.trim()))].filter((item) => item !== '');
}

/**
 * The range asked for, by GeoReport's rules: without dates the last 90 days; with one date, 90 days from (or up to)
 * it; never more than 90 days, never an end before the start.
 */
export function dateRangeOf(query: DateRangeQuery, now: Date): Parsed<DateRange> {
  const start = query.start_date !== undefined ? new Date(query.start_date) : undefined;
  const end = query.end_date !== undefined ? new Date(query.end_date) : undefined;
  const span = WINDOW_DAYS * DAY_MS;
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  const from = start ?? new Date(to.getTime() - span);
  if (to.getTime() < from.getTime()) {
    return { ok: false, problems: [{ field: 'end_date', problems: ['end_date must not be before start_date'] }] };
  }
  if (to.getTime() - from.getTime() > span) {
    const text = `start_date and end_date may be at most ${WINDOW_DAYS} days apart`;
    return { ok: false, problems: [{ field: 'start_date', problems: [text] }] };
  }
  return { ok: true, value: { from, to } };
}

/**
 * GET Service Requests' filter. `service_request_id` wins over everything (codes that cannot be tracking codes
 * match nothing, as in the tracking lookup). `updated_after` without dates searches by update alone, whenever the
 * request came; otherwise the date range applies to when it came.
 */
export function requestFilterOf(query: ServiceRequestsQuery, now: Date): Parsed<RequestFilter> {
  if (query.service_request_id !== undefined) {
    const codes = listOf(query.service_request_id);
    if (codes.length > MAX_RECORDS) {
      const text = `service_request_id may name at most ${MAX_RECORDS} requests`;
      return { ok: false, problems: [{ field: 'service_request_id', problems: [text] }] };
    }
    const trackingCodes = codes.map(parseTrackingCode).filter((code): code is string => code !== null);
    return { ok: true, value: { kind: 'ids', trackingCodes: [...new Set(trackingCodes)] } };
  }
  const serviceCodes = query.service_code !== undefined ? listOf(query.service_code) : null;
  const unknown = (serviceCodes ?? []).filter((code) => !CATEGORY_CODES.includes(code));
  if (unknown.length > 0) {
    const text = `service_code has codes the service list does not: ${unknown.join(', ')}`;
    return { ok: false, problems: [{ field: 'service_code', problems: [text] }] };
  }
  const updatedAfter = query.updated_after !== undefined ? new Date(query.updated_after) : null;
  const byUpdateOnly = updatedAfter !== null && query.start_date === undefined && query.end_date === undefined;
  const range = byUpdateOnly ? null : dateRangeOf(query, now);
  if (range && !range.ok) return range;
  return {
    ok: true,
    value: {
      kind: 'search',
      serviceCodes,
      statuses: query.status !== undefined ? (listOf(query.status) as Open311Status[]) : null,
      requested: range ? range.value : null,
      updatedAfter,
    },
  };
}
