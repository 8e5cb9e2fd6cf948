import { JsonLogger } from '@complaints/observability';
import { CommittableOffset, OffsetCommitter } from './offset-committer';

/** A committer whose commits land in `commits`, failing while `failing` is set. */
function committer(): { subject: OffsetCommitter; commits: CommittableOffset[][]; fail(on: boolean): void } {
  const commits: CommittableOffset[][] = [];
  let failing = false;
  const subject = new OffsetCommitter(
    async (offsets) => {
      if (failing) throw new Error('coordinator moved');
      commits.push(offsets);
    },
    1000,
    new JsonLogger('kafka-test', 'error'),
  );
  return { subject, commits, fail: (on) => (failing = on) };
}

describe('OffsetCommitter', () => {
  it('commits the offset after the last one dealt with, per partition, once', async () => {
    const { subject, commits } = committer();
    subject.done('t', 0, '41');
    subject.done('t', 0, '42');
    subject.done('t', 3, '7');

    await subject.flush();
    await subject.flush();

    expect(commits).toEqual([
      [
        { topic: 't', partition: 0, offset: '43' },
        { topic: 't', partition: 3, offset: '8' },
      ],
    ]);
  });

  it('keeps a failed commit for the next flush, unless newer progress replaced it', async () => {
    const { subject, commits, fail } = committer();
    subject.done('t', 0, '10');
    subject.done('t', 1, '20');
    fail(true);
    await subject.flush();

    subject.done('t', 1, '25');
    fail(false);
    await subject.flush();

    expect(commits).toHaveLength(1);
    expect(commits[0]).toEqual(
      expect.arrayContaining([
        { topic: 't', partition: 0, offset: '11' },
        { topic: 't', partition: 1, offset: '26' },
      ]),
    );
    expect(commits[0]).toHaveLength(2);
  });

  it('drops progress on partitions a rebalance gave to another member', async () => {
    const { subject, commits } = committer();
    subject.done('t', 0, '10');
    subject.done('t', 1, '20');
    subject.done('u', 0, '5');

    subject.keepOnly({ t: [1] });
    await subject.flush();

    expect(commits).toEqual([[{ topic: 't', partition: 1, offset: '21' }]]);
  });
});
