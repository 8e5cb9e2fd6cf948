import { ObservedRecord } from '@complaints/testing';
import { percentile } from './bench-stack';

/** The events one complaint's path to its milestones passes through, first of each type. */
interface Path {
  received?: ObservedRecord;
  classified?: ObservedRecord;
  slaStarted?: ObservedRecord;
  acknowledged?: ObservedRecord;
}

interface Hop {
  name: string;
  /** Milliseconds spent in this hop by one complaint, or undefined when its path is incomplete. */
  measure(path: Path, postedAt: number): number | undefined;
}

/** When the fact was written (the envelope's `time`, set inside the writing transaction). */
const writtenAt = (record: ObservedRecord | undefined): number | undefined => {
  const time = (record?.value as { time?: string } | undefined)?.time;
  return time === undefined ? undefined : Date.parse(time);
};
/** When the outbox relay handed it to Kafka (the record's timestamp). */
const sentAt = (record: ObservedRecord | undefined): number | undefined => record?.producedAt;
const between = (from: number | undefined, to: number | undefined): number | undefined =>
  from === undefined || to === undefined ? undefined : to - from;

/**
 * Where the time between POST and each milestone goes: a service's hop runs from the moment its input was sent
 * to Kafka until its own event was written (broker, consumer fetch, queueing and the handler), and a relay hop
 * from that write until the relay sent the event (commit, NOTIFY, the relay's batch).
 */
const HOPS: Hop[] = [
  {
    name: 'intake: POST → complaint.received written',
    measure: (p, posted) => between(posted, writtenAt(p.received)),
  },
  {
    name: 'intake relay: written → sent to Kafka',
    measure: (p) => between(writtenAt(p.received), sentAt(p.received)),
  },
  {
    name: 'classification: complaint.received sent → complaint.classified written',
    measure: (p) => between(sentAt(p.received), writtenAt(p.classified)),
  },
  {
    name: 'classification relay: written → sent',
    measure: (p) => between(writtenAt(p.classified), sentAt(p.classified)),
  },
  {
    name: 'sla-timer: complaint.classified sent → sla.started written',
    measure: (p) => between(sentAt(p.classified), writtenAt(p.slaStarted)),
  },
  {
    name: 'sla-timer relay: written → sent',
    measure: (p) => between(writtenAt(p.slaStarted), sentAt(p.slaStarted)),
  },
  {
    name: "notification: complaint.received sent → the customer's notification.sent written",
    measure: (p) => between(sentAt(p.received), writtenAt(p.acknowledged)),
  },
  {
    name: 'notification relay: written → sent',
    measure: (p) => between(writtenAt(p.acknowledged), sentAt(p.acknowledged)),
  },
];

function pathsOf(records: ObservedRecord[], postedAt: Map<string, number>): Map<string, Path> {
  const paths = new Map<string, Path>();
  for (const record of records) {
    if (record.key === null || !postedAt.has(record.key)) continue;
    const path = paths.get(record.key) ?? {};
    paths.set(record.key, path);
    const type = record.headers['ce_type'];
    if (type === 'complaint.received') path.received ??= record;
    else if (type === 'complaint.classified') path.classified ??= record;
    else if (type === 'sla.started') path.slaStarted ??= record;
    else if (type === 'notification.sent') {
      const data = (record.value as { data?: { audience?: string; triggerType?: string } }).data;
      if (data?.audience === 'customer' && data.triggerType === 'complaint.received')
        path.acknowledged ??= record;
    }
  }
  return paths;
}

/** One line per hop: p50 and p99 over the complaints whose path was seen whole. */
export function hopBreakdown(records: ObservedRecord[], postedAt: Map<string, number>): string[] {
  const paths = pathsOf(records, postedAt);
  return HOPS.map((hop) => {
    const spent: number[] = [];
    for (const [id, path] of paths) {
      const ms = hop.measure(path, postedAt.get(id) as number);
      if (ms !== undefined) spent.push(ms);
    }
    spent.sort((a, b) => a - b);
    return `  - ${hop.name}: p50 ${percentile(spent, 50)} ms, p99 ${percentile(spent, 99)} ms`;
  });
}
