import { create } from 'xmlbuilder2';

type XMLBuilder = ReturnType<typeof create>;

/** GeoReport v2 names the format as the resource's extension: `services.json`, `requests.xml`. */
export type Open311Format = 'json' | 'xml';

export type Open311Scalar = string | number | boolean | null;
export interface Open311Object {
  readonly [field: string]: Open311Scalar | readonly Open311Scalar[] | readonly Open311Object[];
}

/**
 * What an Open311 route answers, independent of the format: a list (JSON: an array; XML: `root` holding one `item`
 * element per entry, e.g. `<service_requests><request>…`) or a single object (JSON: the object; XML: `root` holding
 * its fields, e.g. `<discovery>…`).
 */
export type Open311Document =
  | { readonly kind: 'list'; readonly root: string; readonly item: string; readonly entries: readonly Open311Object[] }
  | { readonly kind: 'object'; readonly root: string; readonly fields: Open311Object };

/** The element of one entry of a field that holds a list, in XML (`<formats><format>…`), as the spec names them. */
const ITEM_ELEMENT: Readonly<Record<string, string>> = {
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

export const MEDIA_TYPE: Readonly<Record<Open311Format, string>> = { json: 'application/json', xml: 'text/xml' };

const contentTypeOf = (format: Open311Format): string => `${MEDIA_TYPE[format]}; charset=utf-8`;

/** The format a path asks for by its extension (`/open311/v2/services.xml`), or undefined without one. */
export function formatOfPath(path: string): Open311Format | undefined {
  const match = /\.(json|xml)$/.exec(path.split('?')[0] ?? '');
  return match ? (match[1] as Open311Format) : undefined;
}

function text(value: Exclude<Open311Scalar, null>): string {
  return typeof value === 'string' ? value : String(value);
}

function addFields(parent: XMLBuilder, fields: Open311Object): void {
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) {
      const item = ITEM_ELEMENT[name];
      if (!item) throw new Error(`no XML element is known for an entry of "${name}"`);
      const list = parent.ele(name);
      for (const entry of value as readonly (Open311Scalar | Open311Object)[]) {
        if (entry !== null && typeof entry === 'object') addFields(list.ele(item), entry);
        else addScalar(list, item, entry);
      }
    } else {
      addScalar(parent, name, value as Open311Scalar);
    }
  }
}

/** A missing value is an empty element (`<status_notes/>`), as GeoReport's examples show it. */
function addScalar(parent: XMLBuilder, name: string, value: Open311Scalar): void {
  const element = parent.ele(name);
  if (value !== null) element.txt(text(value));
}

function toXml(document: Open311Document): string {
  // Text that XML 1.0 cannot hold (control characters, lone surrogates) becomes U+FFFD rather than breaking the file.
  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' }).ele(document.root);
  if (document.kind === 'object') addFields(root, document.fields);
  else for (const entry of document.entries) addFields(root.ele(document.item), entry);
  return root.end({ prettyPrint: false, wellFormed: true });
}

/** The document as the body of an answer in the format asked for, with its content type. */
export function renderOpen311(
  document: Open311Document,
  format: Open311Format,
): { readonly contentType: string; readonly body: string } {
  switch (format) {
    case 'json':
      return {
        contentType: contentTypeOf('json'),
        body: JSON.stringify(document.kind === 'list' ? document.entries : document.fields),
      };
    case 'xml':
      return { contentType: contentTypeOf('xml'), body: toXml(document) };
  }
}
