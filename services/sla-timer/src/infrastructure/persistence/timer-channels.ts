/** LISTEN/NOTIFY channel on which arming a timer wakes the schedulers; the payload is its fire time. */
export function timersArmedChannel(schema: string): string {
  return `sla_timers_${schema}`;
}

/** LISTEN/NOTIFY channel on which every fired warning and breach reaches the live feed of every replica. */
export function alertsChannel(schema: string): string {
  return `sla_alerts_${schema}`;
}
