import {
  deadLetterTopic,
  DEMO_CHANNEL_SECRET,
  demoChannelKeyId,
  DEPT_ASSIGNMENTS_TOPIC_PATTERN,
  Topics,
} from '@petitions/contracts';
import { DEPARTMENT_CODES } from '@petitions/district';
import type { Printer } from './output';

export interface GuideFacts {
  services: readonly { name: string; port: number }[];
  brokers: string;
  database: string;
  /** True when this run started an embedded PostgreSQL (no DATABASE_URL, none answering locally). */
  databaseEmbedded: boolean;
  kafkaStartedHere: boolean;
  simulator: boolean;
}

/** What each service offers a newcomer over HTTP, beyond /health/live and /health/ready. */
const SERVES: Record<string, string> = {
  intake: 'POST /petitions: where petitions enter (signed; 202 + tracking code); API docs at /docs',
  routing: 'chooses the department; issues work orders on dept.<CODE>.assignments',
  'deadline-tracking': "the petitions' clocks (deadline.events)",
  accountability: "each petition's history; reviews it once resolved",
  disclosure: 'GET /public/records, GET /public/records/:petitionId: the public board',
};

function urlOf(facts: GuideFacts, name: string): string {
  const service = facts.services.find((candidate) => candidate.name === name);
  return `http://127.0.0.1:${service?.port ?? '?'}`;
}

function curlLines(facts: GuideFacts): string[] {
  // Signed as the channel `app` with its demo key: HMAC-SHA256 over "<timestamp>.<body>" (docs/operations.md).
  return [
    `  body='{"channel":"app","channelMessageId":"my-first-1","text":"伏岭社区停电三个小时了","town":"FUKOU_TOWN","unit":"FULING"}'`,
    `  ts=$(date +%s)`,
    `  sig=$(printf '%s.%s' "$ts" "$body" | openssl dgst -sha256 -hmac '${DEMO_CHANNEL_SECRET}' | awk '{print $NF}')`,
    `  curl -s -X POST ${urlOf(facts, 'intake')}/petitions -H 'content-type: application/json' \\`,
    `       -H 'X-Channel-Key: ${demoChannelKeyId('app')}' -H "X-Timestamp: $ts" -H "X-Signature: sha256=$sig" \\`,
    `       --data-binary "$body"`,
    `  then: curl -s ${urlOf(facts, 'disclosure')}/public/records/<petitionId>` +
      (facts.simulator ? '   (the simulated department answers within ~3 s)' : ''),
    `        curl -s ${urlOf(facts, 'disclosure')}/public/records?limit=5`,
    '  (a new channelMessageId for each new petition: the same id twice is the same petition)',
  ];
}

function serviceLines(facts: GuideFacts): string[] {
  const width = Math.max(...facts.services.map((service) => service.name.length));
  return facts.services.map(
    ({ name, port }) => `  ${name.padEnd(width)}  http://127.0.0.1:${port}  ${SERVES[name] ?? ''}`,
  );
}

function topicLines(brokers: string): string[] {
  const fixed = Object.values(Topics);
  const firstBroker = brokers.split(',')[0] ?? brokers;
  return [
    `  ${fixed.join(', ')}`,
    `  ${DEPT_ASSIGNMENTS_TOPIC_PATTERN.replace('{departmentCode}', '<CODE>')} for CODE in ${DEPARTMENT_CODES.join(' ')}`,
    `  ${deadLetterTopic('<topic>')}: what a consumer could not process (original message + reason)`,
    `  watch one:  bash deploy/kafka/kafka.sh run-class org.apache.kafka.tools.consumer.ConsoleConsumer \\`,
    `                --bootstrap-server ${firstBroker} --topic ${Topics.petitionEvents} --from-beginning \\`,
    `                --property print.headers=true`,
  ];
}

export function guideText(printer: Printer, facts: GuideFacts): string {
  const heading = (text: string): string => printer.bold(text);
  const rule = printer.paint('─'.repeat(100), 90);
  const lines = [
    rule,
    heading('Running. Each service answers GET /health/live and GET /health/ready.'),
    ...serviceLines(facts),
    '',
    heading('Post a petition:'),
    ...curlLines(facts),
    '',
    heading(`Kafka (${facts.brokers}${facts.kafkaStartedHere ? ', started by this run' : ''}) topics:`),
    ...topicLines(facts.brokers),
    '',
    heading('Where things are:'),
    `  logs        .local/logs/<service>.log (this run and earlier ones)${facts.kafkaStartedHere ? '; broker: .local/kafka/logs/' : ''}`,
    `  database    ${facts.database}${facts.databaseEmbedded ? ' (embedded, data in .local/postgres)' : ''}, one schema per service`,
    '',
    heading('Ctrl-C stops everything (a second Ctrl-C kills at once).'),
    rule,
  ];
  return lines.join('\n');
}
