interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for small writes that arrive concurrently: the first write commits at once, and the writes that
 * arrive while a commit is in flight wait and then commit together in one transaction. An idle system pays no
 * delay; a busy one pays one BEGIN/COMMIT (and one NOTIFY) per group instead of per write. Each caller still gets
 * its own result. When a group fails, its writes are committed one by one, so one bad write cannot fail the
 * others and each caller sees its own error.
 */
export class GroupCommit<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private committing = false;

  /** `commit` writes the items in one transaction and returns one result per item, in order. */
  constructor(
    private readonly commit: (items: T[]) => Promise<R[]>,
    private readonly maxItems = 100,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.committing) return;
    this.committing = true;
    try {
      while (this.waiting.length > 0) await this.commitGroup(this.waiting.splice(0, this.maxItems));
    } finally {
      this.committing = false;
    }
  }

  private async commitGroup(group: Waiting<T, R>[]): Promise<void> {
    if (group.length > 1) {
      try {
        const results = await this.commit(group.map((w) => w.item));
        group.forEach((w, i) => w.resolve(results[i]));
        return;
      } catch {
        // Fall through: each write alone, each with its own outcome.
      }
    }
    for (const w of group) {
      try {
        const [result] = await this.commit([w.item]);
        w.resolve(result);
      } catch (error) {
        w.reject(error);
      }
    }
  }
}
