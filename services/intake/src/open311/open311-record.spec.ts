import { departmentNamed } from '@petitions/district';
import {
  open311RecordOf,
  open311UpdateOf,
  type Open311RequestRow,
  type Open311UpdateRow,
  serviceRequestFiledDocument,
  serviceRequestsDocument,
  w3cDateTime,
} from './open311-record';

const RECEIVED = new Date('2026-03-02T08:00:00.123Z');
const URBAN = departmentNamed('URBAN')?.name ?? '';

function row(overrides: Partial<Open311RequestRow> = {}): Open311RequestRow {
  return {
    trackingCode: 'AAAA-BBBB-CCCC',
    text: '南江北路下水道堵塞，电话 13812345678',
    serviceCode: 'sewer-drain',
    address: null,
    town: 'FUKOU_TOWN',
    unit: 'NANJIANG',
    grid: null,
    latitude: 27.8274,
    longitude: 113.134,
    mediaUrl: 'https://fms.example/photo/1.jpeg',
    receivedAt: RECEIVED,
    departmentCode: null,
    complexity: null,
    dueAt: null,
    resolvedAt: null,
    stoppedAt: null,
    result: null,
    progressNote: null,
    updatedAt: RECEIVED,
    ...overrides,
  };
}

describe('open311RecordOf', () => {
  it('given a request just received, then open, no agency yet, the category’s notice, the phone masked', () => {
    expect(open311RecordOf(row())).toEqual({
      service_request_id: 'AAAA-BBBB-CCCC',
      status: 'open',
      status_notes: null,
      service_name: '下水道堵塞',
      service_code: 'sewer-drain',
      description: '南江北路下水道堵塞，电话 138****5678',
      agency_responsible: null,
      service_notice: '一般性诉求，5 日内办结 (to be resolved within 5 days)',
      requested_datetime: '2026-03-02T08:00:00Z',
      updated_datetime: '2026-03-02T08:00:00Z',
      expected_datetime: null,
      address: null,
      address_id: 'NANJIANG',
      lat: 27.8274,
      long: 113.134,
      media_url: 'https://fms.example/photo/1.jpeg',
    });
  });

  it('given assigned with a clock and a progress note, then the department, the deadline and the note', () => {
    const record = open311RecordOf(
      row({
        departmentCode: 'URBAN',
        complexity: 'complex',
        dueAt: new Date('2026-03-17T08:00:00Z'),
        progressNote: '已派人现场查看',
        updatedAt: new Date('2026-03-03T09:30:00Z'),
      }),
    );
    expect(record).toMatchObject({
      status: 'open',
      status_notes: '已派人现场查看',
      agency_responsible: URBAN,
      service_notice: '复杂疑难问题，15 日内办结 (to be resolved within 15 days)',
      expected_datetime: '2026-03-17T08:00:00Z',
      updated_datetime: '2026-03-03T09:30:00Z',
    });
  });

  it('given resolved, then closed with the department’s result (masked) as the notes, not the older progress note', () => {
    const record = open311RecordOf(
      row({
        departmentCode: 'URBAN',
        resolvedAt: new Date('2026-03-04T10:00:00Z'),
        result: '已疏通，回访电话 0731-84561234',
        progressNote: '已派人现场查看',
      }),
    );
    expect(record).toMatchObject({ status: 'closed', status_notes: '已疏通，回访电话 0731-****1234' });
  });

  it('given a stopped clock before the resolution arrived, then closed already', () => {
    expect(open311RecordOf(row({ stoppedAt: new Date('2026-03-04T10:00:00Z') })).status).toBe('closed');
  });

  it('given a grid, then it is the address_id; a free-text address is passed on', () => {
    expect(open311RecordOf(row({ grid: 'NANJIANG-02', address: '南江北路 12 号' }))).toMatchObject({
      address_id: 'NANJIANG-02',
      address: '南江北路 12 号',
    });
  });

  it('given rows, then a service_requests list of request entries', () => {
    const document = serviceRequestsDocument([row(), row({ trackingCode: 'DDDD-EEEE-FFFF' })]);
    expect(document).toMatchObject({ kind: 'list', root: 'service_requests', item: 'request' });
    expect(document.kind === 'list' && document.entries.map((entry) => entry.service_request_id)).toEqual([
      'AAAA-BBBB-CCCC',
      'DDDD-EEEE-FFFF',
    ]);
  });
});

describe('open311UpdateOf', () => {
  const step = (overrides: Partial<Open311UpdateRow>): Open311UpdateRow => ({
    eventId: '0b7e3a52-1c39-4d8e-8b7e-2f1d8c3a9b02',
    trackingCode: 'AAAA-BBBB-CCCC',
    at: new Date('2026-03-03T09:30:00.500Z'),
    event: 'assigned',
    departmentCode: 'URBAN',
    note: null,
    closed: false,
    ...overrides,
  });

  it('given an assignment, then an open update naming the department', () => {
    expect(open311UpdateOf(step({}))).toEqual({
      update_id: '0b7e3a52-1c39-4d8e-8b7e-2f1d8c3a9b02',
      service_request_id: 'AAAA-BBBB-CCCC',
      status: 'open',
      updated_datetime: '2026-03-03T09:30:00Z',
      description: `已交办：${URBAN} (assigned)`,
      media_url: null,
    });
  });

  it('given a progress note and a resolution, then the department’s words (masked), closed from the resolution on', () => {
    expect(open311UpdateOf(step({ event: 'progress', note: '联系 13812345678 处理中' }))).toMatchObject({
      status: 'open',
      description: '联系 138****5678 处理中',
    });
    expect(open311UpdateOf(step({ event: 'resolved', note: '已疏通', closed: true }))).toMatchObject({
      status: 'closed',
      description: '已疏通',
    });
  });

  it.each([
    ['acknowledged', `${URBAN}已签收 (acknowledged)`],
    ['overdue', '已超过办理时限 (overdue)'],
  ] as const)('given %s, then a short line', (event, description) => {
    expect(open311UpdateOf(step({ event })).description).toBe(description);
  });
});

describe('w3cDateTime', () => {
  it('given an instant, then UTC to the second', () => {
    expect(w3cDateTime(new Date('2026-03-02T08:00:00.999Z'))).toBe('2026-03-02T08:00:00Z');
  });
});

describe('serviceRequestFiledDocument', () => {
  it('given a filed request, then its id, the category’s notice and no account', () => {
    expect(serviceRequestFiledDocument('AAAA-BBBB-CCCC', 'drought-flood')).toEqual({
      kind: 'list',
      root: 'service_requests',
      item: 'request',
      entries: [
        {
          service_request_id: 'AAAA-BBBB-CCCC',
          service_notice: '复杂疑难问题，15 日内办结 (to be resolved within 15 days)',
          account_id: null,
        },
      ],
    });
  });
});
