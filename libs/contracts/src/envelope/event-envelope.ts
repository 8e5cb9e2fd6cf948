/**
 * The wire format of every event on every topic: a CloudEvents 1.0 event in structured JSON mode. Attribute names
 * follow the CloudEvents naming rule (lower-case, no separators): `correlationid` and `causationid` are the spec's
 * Correlation extension, `schemaversion` is ours (the major version of `data`).
 */
export interface EventEnvelope<TType extends string = string, TData extends object = object> {
  readonly specversion: '1.0';
  /** Unique per event; the consumers' inbox deduplicates on it, so a relay retry re-sends the same id. */
  readonly id: string;
  /** The producing service, e.g. `urn:complaints:intake`. */
  readonly source: string;
  readonly type: TType;
  readonly schemaversion: number;
  /** The complaint id (also the Kafka key), or for fleet-wide events such as risk warnings, their own key. */
  readonly subject: string;
  /** RFC 3339 UTC: when the fact happened, not when it was published. */
  readonly time: string;
  readonly datacontenttype: 'application/json';
  /** One per originating request or business flow, copied unchanged along the causal chain. */
  readonly correlationid: string;
  /** The id of the event (or request) that directly caused this one. */
  readonly causationid?: string;
  readonly data: TData;
}

export const SERVICE_NAMES = ['intake', 'classification', 'sla-timer', 'escalation', 'notification'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export function sourceOf(service: ServiceName): string {
  return `urn:complaints:${service}`;
}
