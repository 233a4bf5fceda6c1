import { CommonConfig } from '@petitions/platform';

export class IntakeConfig extends CommonConfig {
  override HTTP_PORT = 3001;
}
