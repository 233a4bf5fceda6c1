import { CommonConfig } from '@petitions/platform';

export class AccountabilityConfig extends CommonConfig {
  override HTTP_PORT = 3004;
}
