/**
 * The development credentials intake accepts when `INTAKE_CHANNEL_CREDENTIALS` is not set: one key per channel,
 * `demo-<channel>`, all with this published secret. Not a secret at all: intake logs a warning at start while any
 * of them is active, and a deployment must set its own credentials. The simulator and the tests sign with these.
 */
export const DEMO_CHANNEL_SECRET = 'petitions-demo-channel-secret-not-for-production';

export interface DemoChannelCredential {
  keyId: string;
  channel: string;
  secret: string;
  status: 'active';
}

export function demoChannelKeyId(channel: string): string {
  return `demo-${channel}`;
}

/** The demo credential of one channel (e.g. `wechat-resident` → key `demo-wechat-resident`). */
export function demoChannelCredential(channel: string): DemoChannelCredential {
  return { keyId: demoChannelKeyId(channel), channel, secret: DEMO_CHANNEL_SECRET, status: 'active' };
}

/**
 * The development Open311 API key intake accepts when `INTAKE_OPEN311_KEYS` is not set: key `demo-open311`, filing
 * as the `app` channel. Published like the demo channel secret (intake warns at start); a deployment sets its own.
 */
export const DEMO_OPEN311_API_KEY = 'petitions-demo-open311-api-key-not-for-production';
export const DEMO_OPEN311_KEY_ID = 'demo-open311';
export const DEMO_OPEN311_CHANNEL = 'app';
