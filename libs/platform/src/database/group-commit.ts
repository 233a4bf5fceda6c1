export interface GroupCommitOptions {
  /** Most items in one batch (one transaction). */
  readonly maxBatchSize: number;
  /** Batches committing at once; each holds a pooled connection. */
  readonly maxConcurrentBatches: number;
  /**
   * How long the first item of a batch may wait for company while a connection is free (ms). 0: only the items that
   * arrive in the same turn of the event loop join it. Items that arrive while every slot is busy wait for a slot
   * anyway, and leave together as soon as one frees.
   */
  readonly maxWaitMs: number;
}

/**
 * Commits a batch: one outcome per item, in order. It may reject (or throw) when the batch as a whole fails (the
 * transaction rolled back): the committer then splits the batch in halves and commits each on its own, down to
 * single items, so that one bad item fails alone and its neighbours are still stored.
 */
export type CommitBatch<I, R> = (items: readonly I[]) => Promise<readonly PromiseSettledResult<R>[]>;

interface Waiting<I, R> {
  readonly item: I;
  readonly resolve: (result: R) => void;
  readonly reject: (reason: unknown) => void;
}

/**
 * Group commit: submissions that arrive close together share one transaction, so that a thousand durable writes a
 * second cost tens of commits (and WAL flushes, and round trips), not a thousand. Each caller's promise settles only
 * once its batch has committed (or failed), so "answered" still means "durably stored".
 */
export class GroupCommitter<I, R> {
  private queue: Waiting<I, R>[] = [];
  private inFlight = 0;
  /** Cancels the pending start of a partial batch, if one is set. */
  private cancelTimer: (() => void) | undefined;

  constructor(
    private readonly commit: CommitBatch<I, R>,
    private readonly options: GroupCommitOptions,
  ) {
    if (options.maxBatchSize < 1 || options.maxConcurrentBatches < 1 || options.maxWaitMs < 0) {
      throw new Error(`group commit: invalid options ${JSON.stringify(options)}`);
    }
  }

  /** Batches being committed now. */
  get committing(): number {
    return this.inFlight;
  }

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.queue.length === 0 || this.inFlight >= this.options.maxConcurrentBatches) return;
    if (this.queue.length >= this.options.maxBatchSize) {
      this.flush();
      return;
    }
    if (this.cancelTimer !== undefined) return;
    const due = (): void => {
      this.cancelTimer = undefined;
      this.flush();
    };
    if (this.options.maxWaitMs === 0) {
      const immediate = setImmediate(due);
      this.cancelTimer = () => clearImmediate(immediate);
    } else {
      const timeout = setTimeout(due, this.options.maxWaitMs);
      this.cancelTimer = () => clearTimeout(timeout);
    }
  }

  private flush(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    while (this.queue.length > 0 && this.inFlight < this.options.maxConcurrentBatches) {
      const batch = this.queue.slice(0, this.options.maxBatchSize);
      this.queue = this.queue.slice(batch.length);
      this.inFlight += 1;
      void this.commitSplitting(batch).finally(() => {
        this.inFlight -= 1;
        // Whatever queued up meanwhile has waited a whole commit already: it goes at once.
        if (this.queue.length > 0) this.flush();
      });
      // Leave a partial batch to the timer while nothing forces it out: at most one timer, set below.
      if (this.queue.length < this.options.maxBatchSize) break;
    }
    this.schedule();
  }

  private async commitSplitting(batch: readonly Waiting<I, R>[]): Promise<void> {
    let outcomes: readonly PromiseSettledResult<R>[];
    try {
      outcomes = await this.commit(batch.map((waiting) => waiting.item));
      if (outcomes.length !== batch.length) {
        throw new Error(`group commit: ${outcomes.length} outcomes for a batch of ${batch.length}`);
      }
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await this.commitSplitting(batch.slice(0, half));
      await this.commitSplitting(batch.slice(half));
      return;
    }
    outcomes.forEach((outcome, index) => {
      const waiting = batch[index]!;
      if (outcome.status === 'fulfilled') waiting.resolve(outcome.value);
      else waiting.reject(outcome.reason);
    });
  }
}
