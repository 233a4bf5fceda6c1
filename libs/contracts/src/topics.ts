/** Kafka topic names. The AsyncAPI document in docs/asyncapi.yaml is the published contract for each of them. */
export const Topics = {
  petitionEvents: 'petition.events',
  routingEvents: 'routing.events',
  deptResponses: 'dept.responses',
  deadlineEvents: 'deadline.events',
  accountabilityEvents: 'accountability.events',
  disclosureEvents: 'disclosure.events',
  /** Messages from the upstream channels for intake to take in; personal data, read by intake only. */
  channelInbound: 'channel.inbound',
  /** Messages for the channels to deliver (routing: notifications to the official on duty). */
  channelOutbound: 'channel.outbound',
} as const;

export type FixedTopic = (typeof Topics)[keyof typeof Topics];

/** One work-order topic per department, so that access can be granted per department. */
export const DEPT_ASSIGNMENTS_TOPIC_PATTERN = 'dept.{departmentCode}.assignments';

export function deptAssignmentsTopic(departmentCode: string): string {
  if (!/^[A-Z][A-Z0-9_]*$/.test(departmentCode)) {
    throw new Error(`invalid department code for a topic name: ${JSON.stringify(departmentCode)}`);
  }
  return `dept.${departmentCode}.assignments`;
}

export function isDeptAssignmentsTopic(topic: string): boolean {
  return /^dept\.[A-Z][A-Z0-9_]*\.assignments$/.test(topic);
}

/** Where a consumer parks what it cannot process: the original key, value and headers plus the reason. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
