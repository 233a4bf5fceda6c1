import { dateRangeOf, MAX_RECORDS, requestFilterOf, type ServiceRequestsQuery } from './open311-query';

const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

function at(iso: string): Date {
  return new Date(iso);
}

describe('dateRangeOf', () => {
  it('given no dates, then the last 90 days', () => {
    expect(dateRangeOf({}, NOW)).toEqual({ ok: true, value: { from: new Date(NOW.getTime() - 90 * DAY), to: NOW } });
  });

  it('given a start only, then 90 days from it; an end only, then 90 days up to it', () => {
    expect(dateRangeOf({ start_date: '2026-01-01T00:00:00Z' }, NOW)).toEqual({
      ok: true,
      value: { from: at('2026-01-01T00:00:00Z'), to: at('2026-04-01T00:00:00Z') },
    });
    expect(dateRangeOf({ end_date: '2026-04-01T08:00:00+08:00' }, NOW)).toEqual({
      ok: true,
      value: { from: at('2026-01-01T00:00:00Z'), to: at('2026-04-01T00:00:00Z') },
    });
  });

  it('given both, then exactly them, time zones honoured', () => {
    expect(dateRangeOf({ start_date: '2026-05-01T08:00:00+08:00', end_date: '2026-05-02T00:00:00Z' }, NOW)).toEqual({
      ok: true,
      value: { from: at('2026-05-01T00:00:00Z'), to: at('2026-05-02T00:00:00Z') },
    });
  });

  it('given more than 90 days between them, then a problem on start_date', () => {
    expect(dateRangeOf({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:01Z' }, NOW)).toEqual({
      ok: false,
      problems: [{ field: 'start_date', problems: ['start_date and end_date may be at most 90 days apart'] }],
    });
  });

  it('given an end before the start, then a problem on end_date', () => {
    expect(dateRangeOf({ start_date: '2026-05-02T00:00:00Z', end_date: '2026-05-01T00:00:00Z' }, NOW)).toMatchObject({
      ok: false,
      problems: [{ field: 'end_date' }],
    });
  });
});

describe('requestFilterOf', () => {
  function filter(query: ServiceRequestsQuery): unknown {
    const parsed = requestFilterOf(query, NOW);
    return parsed.ok ? parsed.value : parsed.problems;
  }

  it('given service_request_id, then those tracking codes (canonical, deduplicated) and nothing else applies', () => {
    expect(filter({ service_request_id: 'aaaa-bbbb-cccc, AAAA-BBBB-CCCC,not-a-code', status: 'open' })).toEqual({
      kind: 'ids',
      trackingCodes: ['AAAA-BBBB-CCCC'],
    });
  });

  it('given more ids than one answer holds, then a problem', () => {
    const ids = Array.from({ length: MAX_RECORDS + 1 }, (_, i) => `ID${i}`).join(',');
    expect(filter({ service_request_id: ids })).toEqual([
      { field: 'service_request_id', problems: [`service_request_id may name at most ${MAX_RECORDS} requests`] },
    ]);
  });

  it('given nothing, then every service and status within the last 90 days', () => {
    expect(filter({})).toEqual({
      kind: 'search',
      serviceCodes: null,
      statuses: null,
      requested: { from: new Date(NOW.getTime() - 90 * DAY), to: NOW },
      updatedAfter: null,
    });
  });

  it('given service codes and statuses as comma lists, then each of them', () => {
    expect(filter({ service_code: 'street-light,garbage', status: 'open,closed' })).toMatchObject({
      serviceCodes: ['street-light', 'garbage'],
      statuses: ['open', 'closed'],
    });
  });

  it('given a service code the list does not have, then a problem naming it', () => {
    expect(filter({ service_code: 'street-light,graffiti' })).toEqual([
      { field: 'service_code', problems: ['service_code has codes the service list does not: graffiti'] },
    ]);
  });

  it('given updated_after alone, then updates after it whenever the request came', () => {
    expect(filter({ updated_after: '2026-05-31T00:00:00Z' })).toMatchObject({
      requested: null,
      updatedAfter: at('2026-05-31T00:00:00Z'),
    });
  });

  it('given updated_after with dates, then both', () => {
    expect(filter({ updated_after: '2026-05-31T00:00:00Z', start_date: '2026-05-01T00:00:00Z' })).toMatchObject({
      requested: { from: at('2026-05-01T00:00:00Z'), to: at('2026-07-30T00:00:00Z') },
      updatedAfter: at('2026-05-31T00:00:00Z'),
    });
  });

  it('given a range over 90 days, then its problem', () => {
    expect(filter({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' })).toMatchObject([
      { field: 'start_date' },
    ]);
  });
});
