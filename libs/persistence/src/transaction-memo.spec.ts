import { EntityManager } from 'typeorm';
import { TransactionMemo } from './transaction-memo';

/** Stand-ins for TypeORM's managers: only whether a transaction is active matters to the memo. */
const inTransaction = () => ({ queryRunner: { isTransactionActive: true } }) as unknown as EntityManager;
const shared = { queryRunner: undefined } as unknown as EntityManager;

function countingLoad() {
  let loads = 0;
  return {
    load: async () => `version ${++loads}`,
    get loads() {
      return loads;
    },
  };
}

describe('TransactionMemo', () => {
  it('reads once per transaction and key', async () => {
    const memo = new TransactionMemo<string>();
    const source = countingLoad();
    const em = inTransaction();

    const answers = [
      await memo.read(em, 'policies', source.load),
      await memo.read(em, 'policies', source.load),
      await memo.read(em, 'calendars', source.load),
    ];

    expect(answers).toEqual(['version 1', 'version 1', 'version 2']);
    expect(source.loads).toBe(2);
  });

  it('reads again in another transaction, and every time outside one', async () => {
    const memo = new TransactionMemo<string>();
    const source = countingLoad();

    await memo.read(inTransaction(), 'policies', source.load);
    await memo.read(inTransaction(), 'policies', source.load);
    await memo.read(shared, 'policies', source.load);
    await memo.read(undefined, 'policies', source.load);

    expect(source.loads).toBe(4);
  });

  it('reads again after the transaction wrote what it remembers', async () => {
    const memo = new TransactionMemo<string>();
    const source = countingLoad();
    const em = inTransaction();

    await memo.read(em, 'policies', source.load);
    memo.forget(em);

    await expect(memo.read(em, 'policies', source.load)).resolves.toBe('version 2');
  });

  it('does not remember a failed read', async () => {
    const memo = new TransactionMemo<string>();
    const em = inTransaction();
    await expect(
      memo.read(em, 'policies', () => Promise.reject(new Error('connection lost'))),
    ).rejects.toThrow();

    await expect(memo.read(em, 'policies', async () => 'version 1')).resolves.toBe('version 1');
  });
});
