import { EntityManager } from 'typeorm';

/**
 * Remembers a read for the rest of one transaction. A consumer handles a run of events in one transaction, and
 * each event would otherwise read the same rarely-changing rows again (the rule set, the policies, the templates);
 * within a run they are read once and every event of it works from the same version. Reads outside a transaction
 * (the shared manager, which lives for the whole process) are never remembered. A store that writes what it
 * memoises calls `forget` in the writing transaction. Callers must treat what they get as read-only: it is shared.
 */
export class TransactionMemo<T> {
  private readonly reads = new WeakMap<EntityManager, Map<string, Promise<T>>>();

  read(em: EntityManager | undefined, key: string, load: () => Promise<T>): Promise<T> {
    if (!em?.queryRunner?.isTransactionActive) return load();
    let byKey = this.reads.get(em);
    if (!byKey) {
      byKey = new Map();
      this.reads.set(em, byKey);
    }
    const remembered = byKey.get(key);
    if (remembered) return remembered;
    const loading = load();
    byKey.set(key, loading);
    // A failed read is not remembered: the transaction is failing anyway, and nothing should replay the error.
    loading.catch(() => byKey?.delete(key));
    return loading;
  }

  forget(em: EntityManager): void {
    this.reads.delete(em);
  }
}
