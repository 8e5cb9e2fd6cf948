import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionMemo } from '@complaints/persistence';
import { CalendarDocument, PolicyDocument, RulesStore, Versioned } from '../../application/ports/rules-store';

type Table = 'sla_policy_set' | 'calendar_set';

interface VersionRow<T> {
  version: number;
  document: T;
  created_at: Date;
  created_by: string;
}

/** Second-level key of the advisory lock that serialises policy and calendar changes. */
const RULES_LOCK = 'sla-timer:rules';

@Injectable()
export class TypeormRulesStore implements RulesStore {
  /** Every event of a consumer's run reads the current policies and calendars: once per run is enough. */
  private readonly currentVersions = new TransactionMemo<Versioned<PolicyDocument | CalendarDocument>>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async lockForChange(em: EntityManager): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [RULES_LOCK]);
  }

  currentPolicies(em?: EntityManager): Promise<Versioned<PolicyDocument>> {
    return this.current<PolicyDocument>('sla_policy_set', em);
  }

  policiesAt(version: number): Promise<Versioned<PolicyDocument> | undefined> {
    return this.at<PolicyDocument>('sla_policy_set', version);
  }

  addPolicies(
    em: EntityManager,
    version: number,
    document: PolicyDocument,
    createdBy: string,
  ): Promise<void> {
    return this.add('sla_policy_set', em, version, document, createdBy);
  }

  currentCalendars(em?: EntityManager): Promise<Versioned<CalendarDocument>> {
    return this.current<CalendarDocument>('calendar_set', em);
  }

  calendarsAt(version: number): Promise<Versioned<CalendarDocument> | undefined> {
    return this.at<CalendarDocument>('calendar_set', version);
  }

  addCalendars(
    em: EntityManager,
    version: number,
    document: CalendarDocument,
    createdBy: string,
  ): Promise<void> {
    return this.add('calendar_set', em, version, document, createdBy);
  }

  async openClocksOnCalendars(em: EntityManager, calendarIds: string[]): Promise<number> {
    const rows: { n: number }[] = await em.query(
      `SELECT count(*)::int AS n FROM clock WHERE state IN ('running', 'paused') AND terms->>'calendarId' = ANY($1)`,
      [calendarIds],
    );
    return rows[0]?.n ?? 0;
  }

  private current<T extends PolicyDocument | CalendarDocument>(
    table: Table,
    em?: EntityManager,
  ): Promise<Versioned<T>> {
    return this.currentVersions.read(em, table, () => this.readCurrent<T>(table, em)) as Promise<
      Versioned<T>
    >;
  }

  private async readCurrent<T>(table: Table, em?: EntityManager): Promise<Versioned<T>> {
    const rows: VersionRow<T>[] = await (em ?? this.dataSource).query(
      `SELECT version, document, created_at, created_by FROM ${table} ORDER BY version DESC LIMIT 1`,
    );
    if (!rows[0]) throw new Error(`${table} is empty: the migrations seed version 1`);
    return toVersioned(rows[0]);
  }

  private async at<T>(table: Table, version: number): Promise<Versioned<T> | undefined> {
    const rows: VersionRow<T>[] = await this.dataSource.query(
      `SELECT version, document, created_at, created_by FROM ${table} WHERE version = $1`,
      [version],
    );
    return rows[0] ? toVersioned(rows[0]) : undefined;
  }

  private async add(
    table: Table,
    em: EntityManager,
    version: number,
    document: object,
    by: string,
  ): Promise<void> {
    this.currentVersions.forget(em);
    await em.query(`INSERT INTO ${table} (version, document, created_by) VALUES ($1, $2, $3)`, [
      version,
      JSON.stringify(document),
      by,
    ]);
  }
}

function toVersioned<T>(row: VersionRow<T>): Versioned<T> {
  return {
    version: row.version,
    document: row.document,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
