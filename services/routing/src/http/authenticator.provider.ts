import type { Provider } from '@nestjs/common';
import { SERVICE_CONFIG } from '@petitions/runtime';
import type { RoutingConfig } from '../config';
import { Authenticator, parseDepartmentCredentials, parseOperatorTokens } from './credentials';

export const AUTHENTICATOR = Symbol('Authenticator');

/** The bearer tokens of the configuration (validated at boot), ready to check requests against. */
export const authenticatorProvider: Provider = {
  provide: AUTHENTICATOR,
  inject: [SERVICE_CONFIG],
  useFactory: (config: RoutingConfig): Authenticator => {
    const operators = parseOperatorTokens(config.ROUTING_OPERATOR_TOKENS);
    const departments = parseDepartmentCredentials(config.ROUTING_DEPARTMENT_CREDENTIALS);
    if (!operators.ok || !departments.ok) throw new Error('routing credentials were not validated at boot');
    const tokens = [...operators.credentials, ...departments.credentials].map((entry) => entry.token);
    if (new Set(tokens).size !== tokens.length) {
      throw new Error('an operator token and a department token are the same: give each holder its own');
    }
    return new Authenticator(operators.credentials, departments.credentials);
  },
};
