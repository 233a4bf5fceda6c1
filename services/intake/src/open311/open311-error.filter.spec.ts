import { errorBody } from '../http/intake-http.error';
import { open311ErrorsOf } from './open311-error.filter';

describe('open311ErrorsOf', () => {
  it('given an error without fields, then one {code: status, description}', () => {
    expect(open311ErrorsOf(403, errorBody('FORBIDDEN', 'invalid api_key'))).toEqual({
      kind: 'list',
      root: 'errors',
      item: 'error',
      entries: [{ code: 403, description: 'invalid api_key' }],
    });
  });

  it('given a validation failure, then one error per problem of every field', () => {
    const body = errorBody('VALIDATION_FAILED', 'the request has invalid fields: lat, service_code', [
      { field: 'lat', problems: ['lat must not be greater than 90', 'lat and long must be given together'] },
      { field: 'service_code', problems: ['service_code must be one of the category codes'] },
    ]);
    const document = open311ErrorsOf(400, body);
    expect(document.kind === 'list' && document.entries).toEqual([
      { code: 400, description: 'lat must not be greater than 90' },
      { code: 400, description: 'lat and long must be given together' },
      { code: 400, description: 'service_code must be one of the category codes' },
    ]);
  });
});
