import { Admin, AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { eventually } from './eventually';
import { ObservedRecord, PROBE_GROUP_PREFIX } from './topic-probe';

/**
 * Waits until a running pipeline has nothing left in flight about the given records: every live consumer group
 * that reads a record's partition has committed past it, and `nothingPending` (e.g. "no unpublished outbox row, no
 * delivery waiting") holds, twice in a row. Only then can a test say "these are ALL the events", rather than
 * "these events arrived": a duplicate still on its way would otherwise pass unseen.
 */
export async function pipelineSettled(options: {
  brokers: string[];
  /** The records whose consequences the test wants to have seen, e.g. every record about one complaint. */
  records: () => ObservedRecord[];
  nothingPending: () => Promise<boolean>;
  timeoutMs?: number;
}): Promise<void> {
  const kafka = new Kafka({
    clientId: 'pipeline-settled',
    brokers: options.brokers,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    let quietPasses = 0;
    await eventually(
      async () => {
        const unread = await unreadRecords(admin, options.records());
        const quiet = unread.length === 0 && (await options.nothingPending());
        quietPasses = quiet ? quietPasses + 1 : 0;
        // One quiet pass can fall between a consumer's commit and the relay publishing what it wrote: ask twice.
        if (quietPasses < 2)
          throw new Error(`the pipeline is still busy (${unread.join(', ') || 'pending work'})`);
      },
      { timeoutMs: options.timeoutMs ?? 30_000 },
    );
  } finally {
    await admin.disconnect();
  }
}

/** "group ← topic/partition@offset" for each record a live group is assigned but has not committed past. */
async function unreadRecords(admin: Admin, records: ObservedRecord[]): Promise<string[]> {
  const { groups } = await admin.listGroups();
  const described = await admin.describeGroups(groups.map((g) => g.groupId));
  const unread: string[] = [];
  // A topic probe (the test's own reader) does not count: it is not part of the pipeline.
  for (const group of described.groups.filter((g) => !g.groupId.startsWith(PROBE_GROUP_PREFIX))) {
    const assigned = new Set<string>();
    for (const member of group.members) {
      const assignment = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
      for (const [topic, partitions] of Object.entries(assignment?.assignment ?? {}))
        for (const partition of partitions) assigned.add(`${topic}/${partition}`);
    }
    const mine = records.filter((r) => assigned.has(`${r.topic}/${r.partition}`));
    if (mine.length === 0) continue;
    const topics = [...new Set(mine.map((r) => r.topic))];
    const committed = new Map<string, number>();
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId: group.groupId, topics }))
      for (const { partition, offset } of partitions) committed.set(`${topic}/${partition}`, Number(offset));
    for (const r of mine) {
      // The committed offset is the next one the group will read: everything before it is done.
      if ((committed.get(`${r.topic}/${r.partition}`) ?? -1) <= Number(r.offset))
        unread.push(`${group.groupId} ← ${r.topic}/${r.partition}@${r.offset}`);
    }
  }
  return unread;
}
