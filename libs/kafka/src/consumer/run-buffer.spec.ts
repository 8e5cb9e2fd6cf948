import { EntityManager } from 'typeorm';
import { RunBuffer } from './run-buffer';

// Transactions are told apart by identity only: two distinct objects stand for two of them.
const transaction = () => ({}) as EntityManager;

describe('RunBuffer', () => {
  const byRevision = () =>
    new RunBuffer<{ id: string; revision: number }>((kept, arriving) => arriving.revision > kept.revision);

  it('keeps the newest fact per key, the first one of a tie, in first-seen key order', () => {
    const buffer = byRevision();
    const em = transaction();
    buffer.add(em, 'a', { id: 'a1', revision: 1 });
    buffer.add(em, 'b', { id: 'b2', revision: 2 });
    buffer.add(em, 'a', { id: 'a3', revision: 3 });
    buffer.add(em, 'b', { id: 'b1', revision: 1 });
    buffer.add(em, 'a', { id: 'a3-again', revision: 3 });
    expect(buffer.take(em).map((f) => f.id)).toEqual(['a3', 'b2']);
  });

  it('keeps each transaction apart, and forgets what was taken', () => {
    const buffer = byRevision();
    const [one, two] = [transaction(), transaction()];
    buffer.add(one, 'a', { id: 'one', revision: 1 });
    buffer.add(two, 'a', { id: 'two', revision: 1 });
    expect(buffer.take(one).map((f) => f.id)).toEqual(['one']);
    expect(buffer.take(one)).toEqual([]);
    expect(buffer.take(two).map((f) => f.id)).toEqual(['two']);
  });
});
