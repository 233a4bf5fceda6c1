import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatOfPath, type Open311Document, renderOpen311 } from './open311-format';

const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['request', 'format', 'endpoint'].includes(name),
});

const requests: Open311Document = {
  kind: 'list',
  root: 'service_requests',
  item: 'request',
  entries: [
    { service_request_id: 'AAAA-BBBB-CCCC', status: 'open', status_notes: null, lat: 27.8, metadata: true },
    { service_request_id: 'DDDD-EEEE-FFFF', status: 'closed', status_notes: '已疏通', lat: null, metadata: false },
  ],
};

const discovery: Open311Document = {
  kind: 'object',
  root: 'discovery',
  fields: {
    changeset: '2026-11-28T00:00:00Z',
    endpoints: [{ url: 'http://x/open311/v2', formats: ['text/xml', 'application/json'] }],
  },
};

describe('renderOpen311', () => {
  it('given a list, when rendered as JSON, then the entries as an array, nulls kept, with the JSON content type', () => {
    const { contentType, body } = renderOpen311(requests, 'json');
    expect(contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(body)).toEqual(requests.kind === 'list' ? requests.entries : []);
  });

  it('given an object, when rendered as JSON, then the object itself', () => {
    expect(JSON.parse(renderOpen311(discovery, 'json').body)).toEqual(discovery.kind === 'object' && discovery.fields);
  });

  it('given a list, when rendered as XML, then a UTF-8 declaration, the root, one item element per entry', () => {
    const { contentType, body } = renderOpen311(requests, 'xml');
    expect(contentType).toBe('text/xml; charset=utf-8');
    expect(body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(XMLValidator.validate(body)).toBe(true);
    expect(parser.parse(body)).toEqual({
      '?xml': '',
      service_requests: {
        request: [
          { service_request_id: 'AAAA-BBBB-CCCC', status: 'open', status_notes: '', lat: '27.8', metadata: 'true' },
          {
            service_request_id: 'DDDD-EEEE-FFFF',
            status: 'closed',
            status_notes: '已疏通',
            lat: '',
            metadata: 'false',
          },
        ],
      },
    });
  });

  it('given a missing value, when rendered as XML, then an empty element', () => {
    expect(renderOpen311(requests, 'xml').body).toContain('<status_notes/>');
  });

  it('given a field holding a list, when rendered as XML, then a wrapper with the spec’s item element per entry', () => {
    const parsed = parser.parse(renderOpen311(discovery, 'xml').body) as {
      discovery: { endpoints: { endpoint: { url: string; formats: { format: string[] } }[] } };
    };
    expect(parsed.discovery.endpoints.endpoint[0]).toEqual({
      url: 'http://x/open311/v2',
      formats: { format: ['text/xml', 'application/json'] },
    });
  });

  it('given an empty list, when rendered as XML, then the root alone', () => {
    const empty: Open311Document = {
      kind: 'list',
      root: 'service_request_updates',
      item: 'request_update',
      entries: [],
    };
    expect(renderOpen311(empty, 'xml').body).toBe('<?xml version="1.0" encoding="UTF-8"?><service_request_updates/>');
    expect(renderOpen311(empty, 'json').body).toBe('[]');
  });

  it('given markup and characters XML cannot hold, when rendered as XML, then escaped and replaced, still well-formed', () => {
    const nasty: Open311Document = {
      kind: 'object',
      root: 'service_request',
      fields: { description: '<script>alert("x")</script> & \u0001 \ud800 ]]>' },
    };
    const { body } = renderOpen311(nasty, 'xml');
    expect(XMLValidator.validate(body)).toBe(true);
    expect(body).not.toContain('<script>');
    expect((parser.parse(body) as { service_request: { description: string } }).service_request.description).toBe(
      '<script>alert("x")</script> & \ufffd \ufffd ]]>',
    );
  });

  it('given a list field the spec names no item element for, then it refuses rather than invent one', () => {
    const odd: Open311Document = { kind: 'object', root: 'x', fields: { oddities: ['a'] } };
    expect(() => renderOpen311(odd, 'xml')).toThrow(/no XML element is known for an entry of "oddities"/);
  });
});

describe('formatOfPath', () => {
  it.each([
    ['/open311/v2/services.json', 'json'],
    ['/open311/v2/requests.xml?status=open', 'xml'],
    ['/open311/v2/requests/AAAA-BBBB-CCCC.json', 'json'],
    ['/open311/v2/services', undefined],
    ['/open311/v2/services.html', undefined],
    ['/open311/v2/x?format=.json', undefined],
  ])('given %s, then %s', (path, format) => {
    expect(formatOfPath(path)).toBe(format);
  });
});
