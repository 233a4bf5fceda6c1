import { DEMO_DISTRICT, type District } from '@petitions/district';
import {
  CLIENT_ID_ATTRIBUTE,
  discoveryOf,
  GEOREPORT_V2_SPECIFICATION,
  serviceDefinitionOf,
  serviceListOf,
  serviceNoticeOf,
} from './open311-catalogue';

const district: District = {
  ...DEMO_DISTRICT,
  categories: [
    {
      code: 'street-light',
      name: '路灯',
      description: 'Street lights out',
      department: 'URBAN',
      complexity: 'general',
      urgent: false,
      group: 'city',
    },
    {
      code: 'power-outage',
      name: '停电',
      description: 'Power outage',
      department: 'POWER',
      complexity: 'general',
      urgent: true,
      group: 'utilities',
    },
  ],
};

describe('serviceListOf', () => {
  it('given the category catalogue, then one realtime service per category, in its order, with its group', () => {
    expect(serviceListOf(district)).toEqual({
      kind: 'list',
      root: 'services',
      item: 'service',
      entries: [
        {
          service_code: 'street-light',
          service_name: '路灯',
          description: 'Street lights out',
          metadata: true,
          type: 'realtime',
          keywords: '路灯,city',
          group: 'city',
        },
        {
          service_code: 'power-outage',
          service_name: '停电',
          description: 'Power outage',
          metadata: true,
          type: 'realtime',
          keywords: '停电,utilities,urgent',
          group: 'utilities',
        },
      ],
    });
  });

  it('given the demo district, then every category is a service', () => {
    const list = serviceListOf();
    expect(list.kind === 'list' && list.entries.map((entry) => entry.service_code)).toEqual(
      DEMO_DISTRICT.categories.map((category) => category.code),
    );
  });
});

describe('serviceDefinitionOf', () => {
  it('given a known code, then its one attribute: the client id, set by the client, not shown to the resident', () => {
    const definition = serviceDefinitionOf('street-light', district);
    expect(definition).toMatchObject({ kind: 'object', root: 'service_definition' });
    expect(definition?.kind === 'object' && definition.fields).toMatchObject({
      service_code: 'street-light',
      attributes: [
        { code: CLIENT_ID_ATTRIBUTE, variable: false, required: false, datatype: 'string', automated: 'server_set' },
      ],
    });
  });

  it('given a code the catalogue does not have, then none', () => {
    expect(serviceDefinitionOf('graffiti', district)).toBeUndefined();
  });
});

describe('discoveryOf', () => {
  it('given the endpoint URL, then one GeoReport v2 production endpoint in XML and JSON', () => {
    const discovery = discoveryOf('https://petitions.example/open311/v2');
    expect(discovery.kind === 'object' && discovery.fields.endpoints).toEqual([
      {
        specification: GEOREPORT_V2_SPECIFICATION,
        url: 'https://petitions.example/open311/v2',
        changeset: expect.any(String) as unknown,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ]);
  });
});

describe('serviceNoticeOf', () => {
  it('given each complexity, then the district’s days to resolve', () => {
    expect(serviceNoticeOf('general')).toBe('一般性诉求，5 日内办结 (to be resolved within 5 days)');
    expect(serviceNoticeOf('complex')).toBe('复杂疑难问题，15 日内办结 (to be resolved within 15 days)');
  });
});
