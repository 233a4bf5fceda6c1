import { brokerAnswers, killLocalBroker, runKafkaScript, waitForBroker, type ScriptRun } from './kafka';
import { seconds, type LineSink } from './output';

const BROKER_READY_MS = 60_000;

/**
 * What one run does about Kafka, so that it undoes exactly that: a broker given by KAFKA_BROKERS or one already
 * running is used and left alone; only a broker this run started is stopped again.
 */
export class KafkaControl {
  /** True from the moment `kafka.sh start` is launched: a Ctrl-C during start-up must still stop a broker. */
  startedHere = false;
  private wasRunning = false;
  private script: ScriptRun | undefined;

  constructor(
    readonly brokers: string,
    private readonly configured: boolean,
    private readonly say: LineSink,
    private readonly scriptOutput: LineSink,
  ) {}

  /** KAFKA_BROKERS set: it must answer. Otherwise the local broker, started here if nothing answers. */
  async ensure(cancelled: () => boolean): Promise<boolean> {
    if (this.configured) {
      if (await brokerAnswers(this.brokers)) {
        this.say(`Kafka ${this.brokers} (KAFKA_BROKERS) answers; this run starts and stops no broker`);
        return true;
      }
      this.say(`Kafka at KAFKA_BROKERS=${this.brokers} does not answer. Start it, or unset KAFKA_BROKERS.`, 'err');
      return false;
    }
    if (await brokerAnswers(this.brokers)) {
      this.wasRunning = true;
      this.say(`Kafka already answers on ${this.brokers}: using it (and leaving it running on exit)`);
      return true;
    }
    return this.startLocal(cancelled);
  }

  private async startLocal(cancelled: () => boolean): Promise<boolean> {
    this.say(`nothing answers on ${this.brokers}: starting the local broker (bash deploy/kafka/kafka.sh start)`);
    const started = Date.now();
    this.startedHere = true;
    this.script = runKafkaScript('start', this.scriptOutput);
    const code = await this.script.done;
    this.script = undefined;
    if (cancelled()) return false;
    if (code !== 0) {
      this.say(`deploy/kafka/kafka.sh start failed (exit ${String(code)})`, 'err');
      return false;
    }
    if (!(await waitForBroker(this.brokers, BROKER_READY_MS, cancelled))) {
      if (!cancelled())
        this.say(`the broker on ${this.brokers} does not answer after ${BROKER_READY_MS / 1000} s`, 'err');
      return false;
    }
    this.say(`Kafka ready on ${this.brokers} after ${seconds(started)}`);
    return true;
  }

  /** Stops the broker if this run started it; resolves with a line for the summary. */
  async stop(): Promise<string> {
    if (this.configured) return `${this.brokers} (KAFKA_BROKERS): not ours, untouched`;
    if (this.wasRunning) return `${this.brokers}: was running before, left running`;
    if (!this.startedHere) return `${this.brokers}: not started by this run`;
    if (this.script) {
      // kafka.sh start is still waiting for the broker: end the script; `stop` below ends the broker itself.
      this.script.child.kill('SIGTERM');
      await this.script.done;
    }
    this.script = runKafkaScript('stop', this.scriptOutput);
    const code = await this.script.done;
    this.script = undefined;
    return code === 0 ? `${this.brokers}: started by this run, stopped` : `kafka.sh stop failed (exit ${String(code)})`;
  }

  /** Second Ctrl-C: the script in progress and a broker this run started are killed outright. */
  kill(): void {
    this.script?.child.kill('SIGKILL');
    if (!this.startedHere) return;
    const pid = killLocalBroker();
    if (pid !== undefined) this.say(`killed the broker (pid ${pid}); it recovers its logs at the next start`, 'err');
  }
}
