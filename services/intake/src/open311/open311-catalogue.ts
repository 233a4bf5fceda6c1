import { type Category, DEMO_DISTRICT, type District, resolveWithinDays } from '@petitions/district';
import { MEDIA_TYPE, type Open311Document, type Open311Object } from './open311-format';

/**
 * The one attribute every service declares: the client's own id for the report. FixMyStreet fills an attribute
 * with this code (its default `id_field`) with its report id on its own, and any client may send it as
 * `attribute[fixmystreet_id]`: a retry with the same id is the same request (see open311-dedup.ts).
 */
export const CLIENT_ID_ATTRIBUTE = 'fixmystreet_id';
export const CLIENT_ID_MAX_LENGTH = 100;

/** When the Open311 interface last changed (discovery's `changeset`): bump it with every change clients can see. */
export const OPEN311_CHANGESET = '2026-11-28T00:00:00Z';
export const GEOREPORT_V2_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** Discovery: where the one endpoint is, in which formats, and whom to ask for a key. */
export function discoveryOf(endpointUrl: string, district: District = DEMO_DISTRICT): Open311Document {
  return {
    kind: 'object',
    root: 'discovery',
    fields: {
      changeset: OPEN311_CHANGESET,
      contact: `${district.district.name} 诉求监督服务平台 (petition supervision platform)`,
      key_service: 'API keys are issued by the platform operators (docs/operations.md, "Open311 API keys").',
      endpoints: [
        {
          specification: GEOREPORT_V2_SPECIFICATION,
          url: endpointUrl,
          changeset: OPEN311_CHANGESET,
          type: 'production',
          formats: [MEDIA_TYPE.xml, MEDIA_TYPE.json],
        },
      ],
    },
  };
}

function serviceOf(category: Category): Open311Object {
  return {
    service_code: category.code,
    service_name: category.name,
    description: category.description,
    // Every service has a definition: the client-id attribute.
    metadata: true,
    type: 'realtime',
    keywords: [category.name, category.group, ...(category.urgent ? ['urgent'] : [])].join(','),
    group: category.group,
  };
}

/** The service list: the district's category catalogue, one service per category, in its order. */
export function serviceListOf(district: District = DEMO_DISTRICT): Open311Document {
  return { kind: 'list', root: 'services', item: 'service', entries: district.categories.map(serviceOf) };
}

/** A service's definition, or undefined for a code the catalogue does not have. */
export function serviceDefinitionOf(code: string, district: District = DEMO_DISTRICT): Open311Document | undefined {
  if (!district.categories.some((category) => category.code === code)) return undefined;
  return {
    kind: 'object',
    root: 'service_definition',
    fields: {
      service_code: code,
      attributes: [
        {
          // Not shown to the person reporting: the client sets it (FixMyStreet: `automated` server_set).
          variable: false,
          code: CLIENT_ID_ATTRIBUTE,
          datatype: 'string',
          required: false,
          datatype_description: `The client's own id for this report, at most ${CLIENT_ID_MAX_LENGTH} characters.`,
          order: 1,
          description: 'Client report id: sending the same id again returns the same service request.',
          automated: 'server_set',
          values: [],
        },
      ],
    },
  };
}

/** What the resident may expect, from the district's deadlines (一般性诉求 5 days, 复杂疑难问题 15 days). */
export function serviceNoticeOf(complexity: Category['complexity'], district: District = DEMO_DISTRICT): string {
  const days = resolveWithinDays(complexity, district);
  const kind = complexity === 'complex' ? '复杂疑难问题' : '一般性诉求';
  return `${kind}，${days} 日内办结 (to be resolved within ${days} days)`;
}
