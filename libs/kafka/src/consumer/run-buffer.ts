import { EntityManager } from 'typeorm';

/**
 * Writes a handler keeps back until its afterEvents, one entry per key and transaction: a handler whose events
 * each upsert one row can then write a whole run in one statement. `newer` says which of two facts about one key
 * the row should end with (a multi-row upsert cannot touch a row twice, and would not apply them in order).
 */
export class RunBuffer<T> {
  private readonly pending = new WeakMap<EntityManager, Map<string, T>>();

  constructor(private readonly newer: (kept: T, arriving: T) => boolean) {}

  add(em: EntityManager, key: string, fact: T): void {
    const facts = this.pending.get(em) ?? new Map<string, T>();
    this.pending.set(em, facts);
    const kept = facts.get(key);
    if (kept === undefined || this.newer(kept, fact)) facts.set(key, fact);
  }

  /** What the transaction kept back, once: the buffer forgets it. */
  take(em: EntityManager): T[] {
    const facts = this.pending.get(em);
    this.pending.delete(em);
    return facts ? [...facts.values()] : [];
  }
}
