import { randomUUID } from 'node:crypto';
import { bearer, ObservedRecord, pipelineSettled, testInfra, TopicProbe } from '@complaints/testing';
import { RunningStack } from './running-stack';

/** The CloudEvents envelope as a journey reads it off the wire. */
export interface Envelope {
  id: string;
  type: string;
  subject: string;
  time: string;
  correlationid: string;
  causationid?: string;
  data: Record<string, unknown>;
}

/** Who was told what: one notification.sent, as (the event that triggered it, the audience). */
export interface Told {
  triggerType: string;
  audience: string;
}

/**
 * What a journey does and sees: it files and moves complaints through intake's API as a channel and an agent
 * would, and reads every event about a complaint off the wire (the probe watches every topic).
 */
export class Journey {
  constructor(
    private readonly stack: RunningStack,
    private readonly probe: TopicProbe,
  ) {}

  /** Files a complaint as the phone centre; returns its id and reference. */
  async file(body: object): Promise<{ id: string; reference: string }> {
    const res = await fetch(`${this.stack.url('intake')}/v1/complaints`, {
      method: 'POST',
      headers: {
        authorization: await bearer(['complaints:write'], 'phone-centre'),
        'content-type': 'application/json',
        'idempotency-key': `e2e-${randomUUID()}`,
        'x-correlation-id': `corr-${randomUUID()}`,
      },
      body: JSON.stringify(body),
    });
    if (res.status !== 201)
      throw new Error(`POST /v1/complaints answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { id: string; reference: string };
  }

  /** An agent moves the complaint on (POST /v1/complaints/{id}/{transition}); anything but 200 fails the test. */
  async act(id: string, transition: string, body: object = {}, agent = 'agent-042'): Promise<void> {
    const res = await fetch(`${this.stack.url('intake')}/v1/complaints/${id}/${transition}`, {
      method: 'POST',
      headers: {
        authorization: await bearer(['lifecycle:write'], 'agent-desktop', agent),
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`${transition} answered ${res.status}: ${await res.text()}`);
  }

  /** An ops console's GET on a service's API. */
  async opsGet<T>(service: Parameters<RunningStack['url']>[0], path: string): Promise<T> {
    const res = await fetch(`${this.stack.url(service)}${path}`, {
      headers: { authorization: await bearer(['ops:read', 'complaints:read'], 'ops-console') },
    });
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  }

  /**
   * Waits until nothing about the complaint is still in flight: every service has consumed every event about it,
   * no outbox holds an unpublished event and no delivery waits. After this, "exactly these events" means exactly.
   */
  async settled(id: string): Promise<void> {
    await pipelineSettled({
      brokers: testInfra().brokers,
      records: () => this.records(id),
      nothingPending: async () => {
        const [{ pending }] = await this.stack.query<{ pending: number }>(
          `SELECT (SELECT count(*) FROM intake.outbox WHERE published_at IS NULL)
                + (SELECT count(*) FROM classification.outbox WHERE published_at IS NULL)
                + (SELECT count(*) FROM sla_timer.outbox WHERE published_at IS NULL)
                + (SELECT count(*) FROM escalation.outbox WHERE published_at IS NULL)
                + (SELECT count(*) FROM notification.outbox WHERE published_at IS NULL)
                + (SELECT count(*) FROM notification.delivery
                    WHERE complaint_id = $1 AND status IN ('pending', 'sending')) AS pending`,
          [id],
        );
        return Number(pending) === 0;
      },
    });
  }

  /** Every event about the complaint seen so far, in the order the probe received them. */
  events(id: string, topic?: string): Envelope[] {
    return this.records(id, topic).map((r) => r.value as Envelope);
  }

  /** The event types one topic carried about the complaint, in order (a topic keeps order per complaint). */
  typesOn(id: string, topic: string): string[] {
    return this.records(id, topic).map((r) => String(r.headers['ce_type']));
  }

  /** The events of one type about the complaint, in order. */
  ofType(id: string, type: string): Envelope[] {
    return this.events(id).filter((e) => e.type === type);
  }

  /** Every notification.sent about the complaint as (trigger, audience), sorted so sets compare equal. */
  told(id: string): Told[] {
    return this.ofType(id, 'notification.sent')
      .map((e) => ({ triggerType: String(e.data['triggerType']), audience: String(e.data['audience']) }))
      .sort((a, b) => `${a.triggerType}/${a.audience}`.localeCompare(`${b.triggerType}/${b.audience}`));
  }

  /** Everything on the wire about the complaint as raw text, to look for personal data in the clear. */
  wire(id: string): string {
    return this.records(id)
      .map((r) => r.raw)
      .join('\n');
  }

  private records(id: string, topic?: string): ObservedRecord[] {
    return this.probe.records.filter((r) => r.key === id && (!topic || r.topic === topic));
  }
}

/** Sorts (trigger, audience) pairs the way Journey.told does. */
export function toldSorted(pairs: [triggerType: string, audience: string][]): Told[] {
  return pairs
    .map(([triggerType, audience]) => ({ triggerType, audience }))
    .sort((a, b) => `${a.triggerType}/${a.audience}`.localeCompare(`${b.triggerType}/${b.audience}`));
}
