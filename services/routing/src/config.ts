import { CommonConfig, Secret } from '@petitions/platform';
import { IsInt, IsNumber, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCredentialList, parseDepartmentCredentials, parseOperatorTokens } from './http/credentials';

export class RoutingConfig extends CommonConfig {
  override HTTP_PORT = 3002;

  /**
   * The district file (YAML or JSON) routing starts with; empty: the demo district. Loaded at start when its version
   * is new to the database; later versions come through the admin API (`PUT /admin/district`, or
   * `POST /admin/district/reload` to read this file again).
   */
  @IsString() @MaxLength(1000) ROUTING_DISTRICT_FILE = '';

  /** Below this classifier confidence a petition goes to the triage queue (unless it is urgent). */
  @IsNumber({ allowNaN: false }) @Min(0) @Max(1) ROUTING_TRIAGE_CONFIDENCE = 0.4;

  /** How long a department has to acknowledge (签收) a work order before the petition escalates. */
  @IsInt() @Min(1) @Max(7 * 24 * 3600) ROUTING_ACK_TIMEOUT_SECONDS = 2 * 3600;
  /** The same for an urgent petition. */
  @IsInt() @Min(1) @Max(7 * 24 * 3600) ROUTING_ACK_TIMEOUT_URGENT_SECONDS = 15 * 60;
  /** How often overdue acknowledgements are looked for. */
  @IsInt() @Min(50) @Max(60000) ROUTING_ACK_SCAN_INTERVAL_MS = 1000;

  /** Operators' bearer tokens: `[{"id", "token" (≥ 32 characters), "roles": ["triage", "admin"]}]`. */
  @Secret() @IsCredentialList(parseOperatorTokens) ROUTING_OPERATOR_TOKENS = '[]';

  /** Department systems' bearer tokens: `[{"id", "department", "token" (≥ 32 characters), "town"?}]`. */
  @Secret() @IsCredentialList(parseDepartmentCredentials) ROUTING_DEPARTMENT_CREDENTIALS = '[]';
}
