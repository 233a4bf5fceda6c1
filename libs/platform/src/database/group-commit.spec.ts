import { GroupCommitter, type CommitBatch, type GroupCommitOptions } from './group-commit';

const OPTIONS: GroupCommitOptions = { maxBatchSize: 3, maxConcurrentBatches: 1, maxWaitMs: 0 };

/** A commit whose batches are recorded and settle only when the test says so. */
class ControlledCommit {
  readonly batches: number[][] = [];
  private readonly pending: (() => void)[] = [];
  /** Items whose batch fails as a whole (a poison row rolls back its transaction). */
  readonly poison = new Set<number>();

  readonly commit: CommitBatch<number, string> = (items) => {
    this.batches.push([...items]);
    return new Promise((resolve, reject) => {
      this.pending.push(() => {
        const bad = items.find((item) => this.poison.has(item));
        if (bad !== undefined) reject(new Error(`row ${bad} is poison`));
        else resolve(items.map((item) => ({ status: 'fulfilled', value: `stored ${item}` })));
      });
    });
  };

  /** Settles the oldest batch still open. */
  settleNext(): void {
    const next = this.pending.shift();
    if (!next) throw new Error('no batch is committing');
    next();
  }

  get open(): number {
    return this.pending.length;
  }
}

/** Lets every timer, immediate and promise callback scheduled so far run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('GroupCommitter', () => {
  it('given items submitted in one turn, when nothing is committing, then they leave together in one batch', async () => {
    const commit = new ControlledCommit();
    const committer = new GroupCommitter(commit.commit, OPTIONS);
    const answers = [1, 2].map((item) => committer.submit(item));
    await settle();
    expect(commit.batches).toEqual([[1, 2]]);
    commit.settleNext();
    await expect(Promise.all(answers)).resolves.toEqual(['stored 1', 'stored 2']);
  });

  it('given more items than a batch holds, then they are split at maxBatchSize', async () => {
    const commit = new ControlledCommit();
    const committer = new GroupCommitter(commit.commit, { ...OPTIONS, maxConcurrentBatches: 2 });
    const answers = [1, 2, 3, 4, 5].map((item) => committer.submit(item));
    await settle();
    expect(commit.batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    commit.settleNext();
    commit.settleNext();
    await expect(Promise.all(answers)).resolves.toHaveLength(5);
  });

  it('given a batch committing, then no answer comes before its commit, and later items wait for a free slot', async () => {
    const commit = new ControlledCommit();
    const committer = new GroupCommitter(commit.commit, OPTIONS);
    let firstAnswered = false;
    const first = committer.submit(1).then((answer) => {
      firstAnswered = true;
      return answer;
    });
    await settle();
    const later = [2, 3, 4].map((item) => committer.submit(item));
    await settle();
    expect(firstAnswered).toBe(false);
    expect(commit.batches).toEqual([[1]]);
    expect(committer.committing).toBe(1);

    commit.settleNext();
    await expect(first).resolves.toBe('stored 1');
    await settle();
    expect(commit.batches).toEqual([[1], [2, 3, 4]]);
    commit.settleNext();
    await expect(Promise.all(later)).resolves.toEqual(['stored 2', 'stored 3', 'stored 4']);
    expect(committer.committing).toBe(0);
  });

  it('given a poison item, when its batch fails, then its neighbours are stored and only it fails', async () => {
    const commit = new ControlledCommit();
    commit.poison.add(3);
    const committer = new GroupCommitter(commit.commit, { ...OPTIONS, maxBatchSize: 5 });
    const answers = [1, 2, 3, 4, 5].map((item) => committer.submit(item).catch((error: Error) => error.message));
    await settle();
    while (commit.open > 0) {
      commit.settleNext();
      await settle();
    }
    await expect(Promise.all(answers)).resolves.toEqual([
      'stored 1',
      'stored 2',
      'row 3 is poison',
      'stored 4',
      'stored 5',
    ]);
    // Halves, then halves of the failing half: a few more transactions, not one per item.
    expect(commit.batches).toEqual([[1, 2, 3, 4, 5], [1, 2, 3], [1, 2], [3], [4, 5]]);
  });

  it('given per-item outcomes, then each caller gets its own, rejections included', async () => {
    const committer = new GroupCommitter<number, number>(
      (items) =>
        Promise.resolve(
          items.map((item) =>
            item % 2 === 0 ? { status: 'fulfilled', value: item * 10 } : { status: 'rejected', reason: `odd ${item}` },
          ),
        ),
      { ...OPTIONS, maxBatchSize: 10 },
    );
    const answers = await Promise.allSettled([1, 2, 3, 4].map((item) => committer.submit(item)));
    expect(answers).toEqual([
      { status: 'rejected', reason: 'odd 1' },
      { status: 'fulfilled', value: 20 },
      { status: 'rejected', reason: 'odd 3' },
      { status: 'fulfilled', value: 40 },
    ]);
  });

  it('given a commit that answers for the wrong number of items, then it is treated as a failed batch', async () => {
    let calls = 0;
    const committer = new GroupCommitter<number, number>(
      (items) => {
        calls += 1;
        return Promise.resolve(items.length === 1 ? [{ status: 'fulfilled', value: items[0]! }] : []);
      },
      { ...OPTIONS, maxBatchSize: 10 },
    );
    await expect(Promise.all([committer.submit(7), committer.submit(8)])).resolves.toEqual([7, 8]);
    expect(calls).toBe(3);
  });

  it('given maxWaitMs, then a lone item waits that long for company while a slot is free', async () => {
    jest.useFakeTimers();
    try {
      const commit = new ControlledCommit();
      const committer = new GroupCommitter(commit.commit, { ...OPTIONS, maxWaitMs: 5 });
      void committer.submit(1);
      jest.advanceTimersByTime(4);
      void committer.submit(2);
      expect(commit.batches).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(commit.batches).toEqual([[1, 2]]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('given maxWaitMs, when a batch fills up first, then it leaves at once', () => {
    jest.useFakeTimers();
    try {
      const commit = new ControlledCommit();
      const committer = new GroupCommitter(commit.commit, { ...OPTIONS, maxWaitMs: 1000 });
      [1, 2, 3].forEach((item) => void committer.submit(item));
      expect(commit.batches).toEqual([[1, 2, 3]]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('given impossible options, then it refuses to start', () => {
    expect(() => new GroupCommitter(new ControlledCommit().commit, { ...OPTIONS, maxBatchSize: 0 })).toThrow(
      /invalid options/,
    );
  });
});
