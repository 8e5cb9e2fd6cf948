import { GroupCommit } from './group-commit';

/** A commit function that records the groups it was given and can be told to fail on an item. */
function recordingCommit(failOn?: number) {
  const groups: number[][] = [];
  const commit = async (items: number[]): Promise<string[]> => {
    groups.push(items);
    await new Promise((resolve) => setImmediate(resolve));
    if (failOn !== undefined && items.includes(failOn)) throw new Error(`cannot write ${failOn}`);
    return items.map((i) => `written ${i}`);
  };
  return { groups, commit };
}

describe('GroupCommit', () => {
  it('commits a lone write at once, on its own', async () => {
    const { groups, commit } = recordingCommit();
    const writes = new GroupCommit(commit);

    await expect(writes.submit(1)).resolves.toBe('written 1');
    expect(groups).toEqual([[1]]);
  });

  it('groups the writes that arrive while a commit is in flight, each caller getting its own result', async () => {
    const { groups, commit } = recordingCommit();
    const writes = new GroupCommit(commit);

    const results = await Promise.all([1, 2, 3, 4].map((i) => writes.submit(i)));

    expect(results).toEqual(['written 1', 'written 2', 'written 3', 'written 4']);
    expect(groups).toEqual([[1], [2, 3, 4]]);
  });

  it('never puts more than the limit in one group', async () => {
    const { groups, commit } = recordingCommit();
    const writes = new GroupCommit(commit, 2);

    await Promise.all([1, 2, 3, 4, 5].map((i) => writes.submit(i)));

    expect(groups).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('when a group fails, commits its writes one by one: only the bad one fails', async () => {
    const { groups, commit } = recordingCommit(3);
    const writes = new GroupCommit(commit);

    const results = await Promise.allSettled([1, 2, 3, 4].map((i) => writes.submit(i)));

    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      'written 1',
      'written 2',
      'cannot write 3',
      'written 4',
    ]);
    expect(groups).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });
});
