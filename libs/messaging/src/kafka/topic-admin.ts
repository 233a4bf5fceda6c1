import type { Admin, Kafka } from 'kafkajs';

const LEADER_WAIT_MS = 30000;

function onlyAlreadyExists(error: unknown): boolean {
  const errors = (error as { errors?: unknown }).errors;
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((inner) => (inner as { type?: unknown }).type === 'TOPIC_ALREADY_EXISTS')
  );
}

/**
 * Waits until every partition of the topics answers ListOffsets. On KRaft a broker's metadata can lag the controller
 * for a moment after creation: a leader named in metadata may still answer "not the leader" until then.
 */
async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + LEADER_WAIT_MS;
  let pending = [...topics];
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    const stillPending: string[] = [];
    for (const topic of pending) {
      try {
        const offsets = await admin.fetchTopicOffsets(topic);
        if (offsets.length === 0) throw new Error(`${topic} has no partitions yet`);
      } catch (error) {
        lastProblem = `${topic}: ${(error as Error).message}`;
        stillPending.push(topic);
      }
    }
    pending = stillPending;
    if (pending.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`topics not ready after ${LEADER_WAIT_MS} ms: ${lastProblem}`);
}

/**
 * Creates the topics that do not exist yet and waits for their leaders. Several services may create the same topic
 * at the same moment: "already exists" is success. Existing topics are left as they are (partitions never shrink).
 */
export async function ensureTopics(kafka: Kafka, topics: readonly string[], partitions: number): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const wanted = [...new Set(topics)];
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      try {
        await admin.createTopics({
          waitForLeaders: false,
          topics: missing.map((topic) => ({ topic, numPartitions: partitions })),
        });
      } catch (error) {
        if (!onlyAlreadyExists(error)) throw error;
      }
    }
    await waitForLeaders(admin, wanted);
    return missing;
  } finally {
    await admin.disconnect();
  }
}

/** Readiness: the cluster answers a metadata request. */
export async function describeCluster(kafka: Kafka): Promise<void> {
  const admin = kafka.admin({ retry: { retries: 0 } });
  await admin.connect();
  try {
    await admin.describeCluster();
  } finally {
    await admin.disconnect();
  }
}
