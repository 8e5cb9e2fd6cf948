import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AtRiskFilter, BreachFilter, SlaQueries } from '../../application/ports/sla-queries';
import { SlaClock } from '../../domain/clocks/sla-clock';
import { CLOCK_COLUMNS, clockFromRow, ClockRow } from './clock-row';

/** Conditions and their parameters, numbered as they are added. */
class Where {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  add(sql: (param: (value: unknown) => string) => string): this {
    this.conditions.push(
      sql((value) => {
        this.params.push(value);
        return `$${this.params.length}`;
      }),
    );
    return this;
  }

  when(value: unknown, sql: (param: string) => string): this {
    return value === undefined ? this : this.add((p) => sql(p(value)));
  }

  get sql(): string {
    return this.conditions.join(' AND ');
  }
}

@Injectable()
export class TypeormSlaQueries implements SlaQueries {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async clocksOf(complaintId: string): Promise<SlaClock[]> {
    const rows: ClockRow[] = await this.dataSource.query(
      `SELECT ${CLOCK_COLUMNS} FROM clock WHERE complaint_id = $1 ORDER BY cycle, kind`,
      [complaintId],
    );
    return rows.map(clockFromRow);
  }

  /** Newest breach first; served by the clock_breached index. */
  async breaches(filter: BreachFilter): Promise<SlaClock[]> {
    const where = new Where()
      .add(() => 'breached_at IS NOT NULL')
      .when(filter.kind, (p) => `kind = ${p}`)
      .when(filter.policyId, (p) => `policy_id = ${p}`)
      .when(filter.state, (p) => `state = ${p}`)
      .when(filter.from, (p) => `breached_at >= ${p}`)
      .when(filter.to, (p) => `breached_at < ${p}`);
    if (filter.after) {
      const { at, id } = filter.after;
      where.add((p) => `(breached_at, id) < (${p(at)}, ${p(id)})`);
    }
    return this.select(where, 'breached_at DESC, id DESC', filter.limit);
  }

  /** Soonest due first; served by the clock_at_risk index. */
  async atRisk(filter: AtRiskFilter): Promise<SlaClock[]> {
    const where = new Where()
      .add(() => `state = 'running' AND breached_at IS NULL`)
      .add((p) => `due_at <= ${p(filter.dueBy)}`)
      .when(filter.kind, (p) => `kind = ${p}`)
      .when(filter.policyId, (p) => `policy_id = ${p}`);
    if (filter.after) {
      const { at, id } = filter.after;
      where.add((p) => `(due_at, id) > (${p(at)}, ${p(id)})`);
    }
    return this.select(where, 'due_at, id', filter.limit);
  }

  private async select(where: Where, order: string, limit: number): Promise<SlaClock[]> {
    const rows: ClockRow[] = await this.dataSource.query(
      `SELECT ${CLOCK_COLUMNS} FROM clock WHERE ${where.sql} ORDER BY ${order} LIMIT ${Math.trunc(limit)}`,
      where.params,
    );
    return rows.map(clockFromRow);
  }
}
