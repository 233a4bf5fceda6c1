import { CommonConfig } from '@petitions/platform';

export class DisclosureConfig extends CommonConfig {
  override HTTP_PORT = 3005;
}
