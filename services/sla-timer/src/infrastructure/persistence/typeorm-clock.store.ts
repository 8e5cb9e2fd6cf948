import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClockStore, DeferredFact } from '../../application/ports/clock-store';
import { Classification, ComplaintTrack } from '../../domain/clocks/complaint-track';
import { LifecycleFact } from '../../domain/clocks/lifecycle-fact';
import { SlaClock } from '../../domain/clocks/sla-clock';
import { PlannedTimer } from '../../domain/schedule/clock-schedule';
import { CLOCK_COLUMNS, CLOCK_WRITE_COLUMNS, clockFromRow, ClockRow, clockValues } from './clock-row';
import { timersArmedChannel } from './timer-channels';

export const SLA_SCHEMA = Symbol('SlaSchema');

/** First key of the two-key advisory locks on complaints, apart from the outbox relay's one-key lock. */
const COMPLAINT_LOCK_SPACE = 5;

@Injectable()
export class TypeormClockStore implements ClockStore {
  constructor(@Inject(SLA_SCHEMA) private readonly schema: string) {}

  async lockComplaints(em: EntityManager, complaintIds: string[]): Promise<void> {
    if (complaintIds.length === 0) return;
    // Ascending by key, one at a time as the aggregate reads the sorted keys: every transaction locks in the same
    // order, so overlapping sets wait for each other instead of deadlocking.
    await em.query(
      `SELECT count(pg_advisory_xact_lock($1, key)) FROM (
         SELECT DISTINCT hashtext(id) AS key FROM unnest($2::text[]) AS id ORDER BY key) AS keys`,
      [COMPLAINT_LOCK_SPACE, complaintIds.map(lockName)],
    );
  }

  async loadTracks(em: EntityManager, complaintIds: string[]): Promise<Map<string, ComplaintTrack>> {
    const rows: {
      complaint_id: string;
      classification: (Omit<Classification, 'receivedAt'> & { receivedAt: string }) | null;
      lifecycle_version: number;
      status: string | null;
      extension_days: number | null;
    }[] = await em.query(
      `SELECT complaint_id, classification, lifecycle_version, status, extension_days FROM complaint_track
       WHERE complaint_id = ANY($1::uuid[])`,
      [complaintIds],
    );
    return new Map(
      rows.map((row) => [
        row.complaint_id,
        {
          complaintId: row.complaint_id,
          classification: row.classification
            ? { ...row.classification, receivedAt: new Date(row.classification.receivedAt) }
            : undefined,
          lifecycleVersion: row.lifecycle_version,
          status: row.status ?? undefined,
          extensionDays: row.extension_days ?? undefined,
        },
      ]),
    );
  }

  async saveTracks(em: EntityManager, tracks: ComplaintTrack[]): Promise<void> {
    if (tracks.length === 0) return;
    await em.query(
      `INSERT INTO complaint_track (complaint_id, classification, lifecycle_version, status, extension_days)
       SELECT * FROM unnest($1::uuid[], $2::jsonb[], $3::int[], $4::text[], $5::int[])
       ON CONFLICT (complaint_id) DO UPDATE SET classification = EXCLUDED.classification,
         lifecycle_version = EXCLUDED.lifecycle_version, status = EXCLUDED.status,
         extension_days = EXCLUDED.extension_days, updated_at = now()`,
      [
        tracks.map((t) => t.complaintId),
        tracks.map((t) => (t.classification ? JSON.stringify(t.classification) : null)),
        tracks.map((t) => t.lifecycleVersion),
        tracks.map((t) => t.status ?? null),
        tracks.map((t) => t.extensionDays ?? null),
      ],
    );
  }

  async loadClocks(em: EntityManager, complaintIds: string[]): Promise<SlaClock[]> {
    if (complaintIds.length === 0) return [];
    // Timers first, then clocks: the schedulers' lock order (see CLAIM_DUE_TIMERS), so neither waits in a cycle.
    // The clock ids as an array, not a join: the prepared statement's generic plan guessed hundreds of clocks and
    // hash-joined them against a scan of the whole timer table; `= ANY(array)` finds the timers by index.
    await em.query(
      `SELECT 1 FROM timer
       WHERE clock_id = ANY(ARRAY(SELECT id FROM clock WHERE complaint_id = ANY($1::uuid[]))) FOR UPDATE`,
      [complaintIds],
    );
    const rows: ClockRow[] = await em.query(
      `SELECT ${CLOCK_COLUMNS} FROM clock WHERE complaint_id = ANY($1::uuid[])
       ORDER BY complaint_id, kind, cycle FOR UPDATE`,
      [complaintIds],
    );
    return rows.map(clockFromRow);
  }

  async saveClocks(em: EntityManager, clocks: SlaClock[]): Promise<void> {
    if (clocks.length === 0) return;
    const width = 17;
    const values = clocks.flatMap(clockValues);
    const tuples = clocks.map(
      (_, i) => `(${Array.from({ length: width }, (_, j) => `$${i * width + j + 1}`).join(', ')})`,
    );
    await em.query(
      `INSERT INTO clock (${CLOCK_WRITE_COLUMNS}) VALUES ${tuples.join(', ')}
       ON CONFLICT (id) DO UPDATE SET terms = EXCLUDED.terms, state = EXCLUDED.state, due_at = EXCLUDED.due_at,
         target_ms = EXCLUDED.target_ms, pauses = EXCLUDED.pauses,
         breached_at = coalesce(clock.breached_at, EXCLUDED.breached_at), met_at = EXCLUDED.met_at,
         closed_at = EXCLUDED.closed_at, close_reason = EXCLUDED.close_reason,
         correlation = EXCLUDED.correlation, caused_by = EXCLUDED.caused_by, policy_id = EXCLUDED.policy_id,
         updated_at = now()`,
      values,
    );
  }

  /**
   * One statement: drops the clocks' unfired timers that are no longer planned, arms the planned ones (moving an
   * unfired one to its new time, never re-arming one that fired) and wakes the schedulers. The two writes touch
   * different rows, so they cannot see each other's effects wrongly within the statement. The clocks' timers are
   * read by clock id alone, in a materialised step: with "unfired" in the same scan the planner, misled by
   * statistics that lag behind a fast-growing table, would also walk the partial index of all unfired timers. And
   * as `clock_id = ANY(...)`, not a join to the unnested ids: the statement runs prepared, and its generic plan
   * (blind to how many ids there are, and to how few timers a clock has while the table awaits its first ANALYZE)
   * hash-joined the ids against a scan of the whole timer table, 1.7 ms a call and growing with the table.
   */
  async armTimers(em: EntityManager, armed: { clockId: string; timers: PlannedTimer[] }[]): Promise<void> {
    if (armed.length === 0) return;
    const rows = armed.flatMap((a) => a.timers.map((t) => ({ clockId: a.clockId, ...t })));
    const earliest = rows.reduce<Date | null>(
      (min, r) => (min === null || r.fireAt < min ? r.fireAt : min),
      null,
    );
    await em.query(
      `WITH planned AS (
         SELECT * FROM unnest($2::uuid[], $3::text[], $4::timestamptz[]) AS t(clock_id, purpose, fire_at)
       ),
       existing AS MATERIALIZED (
         SELECT id, clock_id, purpose, fired_at FROM timer WHERE clock_id = ANY($1::uuid[])
       ),
       stale AS (
         DELETE FROM timer WHERE id IN (
           SELECT e.id FROM existing e
           WHERE e.fired_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM planned p WHERE p.clock_id = e.clock_id AND p.purpose = e.purpose))
       ),
       armed AS (
         INSERT INTO timer (id, clock_id, purpose, fire_at)
         SELECT gen_random_uuid(), clock_id, purpose, fire_at FROM planned
         ON CONFLICT (clock_id, purpose) DO UPDATE SET fire_at = EXCLUDED.fire_at WHERE timer.fired_at IS NULL
       )
       SELECT pg_notify($5, $6) WHERE $6::text IS NOT NULL`,
      [
        armed.map((a) => a.clockId),
        rows.map((r) => r.clockId),
        rows.map((r) => r.purpose),
        rows.map((r) => r.fireAt),
        timersArmedChannel(this.schema),
        earliest?.toISOString() ?? null,
      ],
    );
  }

  async defer(em: EntityManager, deferred: (DeferredFact & { complaintId: string })[]): Promise<void> {
    if (deferred.length === 0) return;
    await em.query(
      `INSERT INTO deferred_lifecycle_event (complaint_id, event_id, version, fact, correlation)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::jsonb[], $5::text[]) ON CONFLICT DO NOTHING`,
      [
        deferred.map((d) => d.complaintId),
        deferred.map((d) => d.eventId),
        deferred.map((d) => d.fact.version),
        deferred.map((d) => JSON.stringify(d.fact)),
        deferred.map((d) => d.correlation),
      ],
    );
  }

  async loadDeferred(em: EntityManager, complaintIds: string[]): Promise<Map<string, DeferredFact[]>> {
    const rows: {
      complaint_id: string;
      event_id: string;
      correlation: string;
      fact: LifecycleFact & { occurredAt: string };
    }[] = await em.query(
      `SELECT complaint_id, event_id, correlation, fact FROM deferred_lifecycle_event
       WHERE complaint_id = ANY($1::uuid[]) ORDER BY complaint_id, version`,
      [complaintIds],
    );
    const byComplaint = new Map<string, DeferredFact[]>();
    for (const r of rows) {
      const fact = { ...r.fact, occurredAt: new Date(r.fact.occurredAt) };
      const facts = byComplaint.get(r.complaint_id) ?? [];
      facts.push({ eventId: r.event_id, correlation: r.correlation, fact });
      byComplaint.set(r.complaint_id, facts);
    }
    return byComplaint;
  }

  async dropDeferred(em: EntityManager, complaintIds: string[]): Promise<void> {
    if (complaintIds.length === 0) return;
    await em.query('DELETE FROM deferred_lifecycle_event WHERE complaint_id = ANY($1::uuid[])', [
      complaintIds,
    ]);
  }
}

/** The lock's name for a complaint: its id as Postgres prints a uuid, so any spelling of one id takes one lock. */
function lockName(complaintId: string): string {
  return complaintId.toLowerCase();
}
