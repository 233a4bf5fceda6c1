export interface KafkaSettings {
  brokers: string[];
  /** Names this process to the broker (logs, quotas, ACL principals later). */
  clientId: string;
  /** Partition count for topics created at start. ≥ the largest replica count planned for any service. */
  topicPartitions: number;
}

export function parseBrokers(list: string): string[] {
  return list
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
}
