import { CommonConfig } from '@petitions/platform';

export class RoutingConfig extends CommonConfig {
  override HTTP_PORT = 3002;
}
