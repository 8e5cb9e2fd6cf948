import { JsonLogger } from '@complaints/observability';

export interface CommittableOffset {
  topic: string;
  partition: number;
  /** The next offset the group will read: one past the last record dealt with. */
  offset: string;
}

type Commit = (offsets: CommittableOffset[]) => Promise<void>;

/**
 * Commits a consumer group's progress on an interval rather than after every fetched batch. kafkajs 2.2 commits
 * after each batch whatever its auto-commit interval says: under a trickle of events that is one commit request
 * per event per group, the broker's group coordinator writing each one, and a round trip the next fetch of the
 * partition waits for. Progress not yet committed when a process dies is read again after restart and stopped by
 * the inbox, which every handler has: an interval costs repeated reads after a crash, never a lost or doubled
 * effect. An interval of 0 commits after every batch.
 */
export class OffsetCommitter {
  private readonly pending = new Map<string, CommittableOffset>();
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly commit: Commit,
    readonly intervalMs: number,
    private readonly logger: JsonLogger,
  ) {}

  /** Every record of the partition up to and including `offset` has been dealt with. */
  done(topic: string, partition: number, offset: string): void {
    const next = (BigInt(offset) + 1n).toString();
    this.pending.set(`${topic}|${partition}`, { topic, partition, offset: next });
  }

  /** After a rebalance: progress on partitions this member no longer owns is the new owner's to commit. */
  keepOnly(assignment: Record<string, number[]>): void {
    for (const [key, { topic, partition }] of this.pending) {
      if (!assignment[topic]?.includes(partition)) this.pending.delete(key);
    }
  }

  start(): void {
    if (this.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Commits what is pending, one flush at a time, with `via` when given (the batch's own commit, which still works
   * while the consumer stops). A failed commit keeps its offsets for the next flush unless newer ones came in.
   */
  flush(via: Commit = this.commit): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.pending.size === 0) return;
      const offsets = [...this.pending.values()];
      this.pending.clear();
      try {
        await via(offsets);
      } catch (error) {
        for (const entry of offsets) {
          const key = `${entry.topic}|${entry.partition}`;
          if (!this.pending.has(key)) this.pending.set(key, entry);
        }
        this.logger.warn('offset commit failed; retrying with the next one', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    });
    return this.flushing;
  }
}
