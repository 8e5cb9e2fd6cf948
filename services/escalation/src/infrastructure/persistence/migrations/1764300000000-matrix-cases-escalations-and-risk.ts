import { MigrationInterface, QueryRunner } from 'typeorm';
import { MatrixContent, RoutingRule } from '../../../domain/matrix/escalation-matrix';
import {
  DEFAULT_LEVELS_V1,
  DEFAULT_RISK_POLICY_V1,
  DEFAULT_START_LEVEL_RULES_V1,
} from '../seeds/default-matrix.v1';

interface RoutingRuleRow {
  id: string;
  rule_order: number;
  category: string | null;
  urgency: string | null;
  risk: string | null;
  signal: string | null;
  team: string;
}

/**
 * Issue #6: the escalation matrix as versioned data (the routing rules move into it), what escalation knows per
 * complaint, escalations with their acknowledgement timers and audit, breach facts, and risk-warning counters and
 * warnings.
 */
export class MatrixCasesEscalationsAndRisk1764300000000 implements MigrationInterface {
  name = 'MatrixCasesEscalationsAndRisk1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Each accepted matrix is a new immutable version; the highest is the one in force.
    await queryRunner.query(`
      CREATE TABLE escalation_matrix (
        version     integer      PRIMARY KEY,
        document    jsonb        NOT NULL,
        based_on    integer      NULL,
        created_by  text         NOT NULL,
        created_at  timestamptz  NOT NULL DEFAULT now()
      )`);
    // Version 1 keeps the routing rules operators have now, and adds the level, start-level and risk defaults.
    const rows: RoutingRuleRow[] = await queryRunner.query('SELECT * FROM routing_rule ORDER BY rule_order');
    const first: MatrixContent = {
      levels: DEFAULT_LEVELS_V1,
      routingRules: rows.map(toRoutingRule),
      startLevelRules: DEFAULT_START_LEVEL_RULES_V1,
      risk: DEFAULT_RISK_POLICY_V1,
    };
    await queryRunner.query(
      `INSERT INTO escalation_matrix (version, document, created_by) VALUES (1, $1::jsonb, 'migration')`,
      [JSON.stringify(first)],
    );
    await queryRunner.query(`DROP TABLE routing_rule`);

    // The assignment row is the complaint's current owner: escalations move its team and level.
    await queryRunner.query(`
      ALTER TABLE assignment
        ADD COLUMN routed_team text NULL,
        ADD COLUMN updated_at  timestamptz NULL`);
    await queryRunner.query(`UPDATE assignment SET routed_team = team, updated_at = assigned_at`);
    await queryRunner.query(`ALTER TABLE assignment ALTER COLUMN routed_team SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX assignment_team_level ON assignment (team, level)`);

    // Everything else escalation knows about a complaint; every change to one complaint locks this row first.
    await queryRunner.query(`
      CREATE TABLE complaint_case (
        complaint_id        uuid         PRIMARY KEY,
        facts               jsonb        NULL,
        lifecycle_version   integer      NOT NULL DEFAULT 0,
        lifecycle_status    text         NULL,
        open_escalation_id  uuid         NULL,
        pending             jsonb        NOT NULL DEFAULT '[]',
        last_warning        jsonb        NULL,
        updated_at          timestamptz  NOT NULL DEFAULT now()
      )`);
    // Existing assignments (routed before this migration) get a case without facts: a reclassification fills them.
    await queryRunner.query(`INSERT INTO complaint_case (complaint_id) SELECT complaint_id FROM assignment`);

    await queryRunner.query(`
      CREATE TABLE escalation (
        id               uuid         PRIMARY KEY,
        complaint_id     uuid         NOT NULL,
        from_level       text         NOT NULL,
        to_level         text         NOT NULL,
        team             text         NOT NULL,
        trigger          text         NOT NULL,
        reason           text         NOT NULL,
        breached_clock   text         NULL,
        escalated_at     timestamptz  NOT NULL,
        acknowledge_by   timestamptz  NOT NULL,
        state            text         NOT NULL CHECK (state IN ('open', 'acknowledged', 'superseded', 'closed')),
        superseded_by    uuid         NULL,
        acknowledged_by  text         NULL,
        acknowledged_at  timestamptz  NULL,
        closed_at        timestamptz  NULL,
        closed_reason    text         NULL,
        matrix_version   integer      NOT NULL,
        correlation_id   text         NOT NULL
      )`);
    // At most one escalation of a complaint waits for acknowledgement: a new one supersedes it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX escalation_one_open_per_complaint ON escalation (complaint_id) WHERE state = 'open'`,
    );
    await queryRunner.query(`CREATE INDEX escalation_newest ON escalation (escalated_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX escalation_team_state ON escalation (team, state, to_level)`);
    await queryRunner.query(`CREATE INDEX escalation_complaint ON escalation (complaint_id)`);

    // Durable acknowledgement timers: claimed with FOR UPDATE SKIP LOCKED and deleted in the firing transaction.
    await queryRunner.query(`
      CREATE TABLE escalation_timer (
        escalation_id  uuid         PRIMARY KEY REFERENCES escalation (id),
        complaint_id   uuid         NOT NULL,
        due_at         timestamptz  NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX escalation_timer_due ON escalation_timer (due_at)`);

    // Who acknowledged what, when, from which state (the acknowledgement endpoint's audit trail).
    await queryRunner.query(`
      CREATE TABLE escalation_audit (
        id             bigserial    PRIMARY KEY,
        escalation_id  uuid         NOT NULL REFERENCES escalation (id),
        complaint_id   uuid         NOT NULL,
        action         text         NOT NULL,
        actor          text         NOT NULL,
        client_id      text         NULL,
        note           text         NULL,
        from_state     text         NOT NULL,
        to_state       text         NOT NULL,
        occurred_at    timestamptz  NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX escalation_audit_escalation ON escalation_audit (escalation_id)`);

    // A breach is one fact per clock and due time, whatever event ids carry it: it escalates once.
    await queryRunner.query(`
      CREATE TABLE sla_breach (
        clock_id      uuid         NOT NULL,
        due_at        timestamptz  NOT NULL,
        complaint_id  uuid         NOT NULL,
        clock         text         NOT NULL,
        breached_at   timestamptz  NOT NULL,
        recorded_at   timestamptz  NOT NULL,
        PRIMARY KEY (clock_id, due_at)
      )`);

    // Rolling counts per fixed window; the row lock of the upsert serialises replicas counting the same window.
    await queryRunner.query(`
      CREATE TABLE risk_counter (
        dimension       text         NOT NULL,
        key             text         NOT NULL,
        metric          text         NOT NULL,
        window_minutes  integer      NOT NULL,
        window_start    timestamptz  NOT NULL,
        hits            integer      NOT NULL DEFAULT 0,
        samples         integer      NOT NULL DEFAULT 0,
        PRIMARY KEY (dimension, key, metric, window_minutes, window_start)
      )`);
    // Once per window: the unique key is what keeps two replicas from raising the same warning.
    await queryRunner.query(`
      CREATE TABLE risk_warning (
        id            uuid              PRIMARY KEY,
        dimension     text              NOT NULL,
        key           text              NOT NULL,
        metric        text              NOT NULL,
        measure       text              NOT NULL,
        threshold_id  text              NOT NULL,
        observed      double precision  NOT NULL,
        threshold     double precision  NOT NULL,
        window_start  timestamptz       NOT NULL,
        window_end    timestamptz       NOT NULL,
        sample_size   integer           NOT NULL,
        raised_at     timestamptz       NOT NULL,
        UNIQUE (dimension, key, metric, window_start, window_end)
      )`);
    await queryRunner.query(`CREATE INDEX risk_warning_newest ON risk_warning (raised_at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'risk_warning',
      'risk_counter',
      'sla_breach',
      'escalation_audit',
      'escalation_timer',
      'escalation',
      'complaint_case',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP INDEX assignment_team_level`);
    await queryRunner.query(`ALTER TABLE assignment DROP COLUMN updated_at, DROP COLUMN routed_team`);
    // The routing rules go back to their own table, from the version in force.
    await queryRunner.query(`
      CREATE TABLE routing_rule (
        id             text     PRIMARY KEY,
        rule_order     integer  NOT NULL,
        category       text     NULL,
        urgency        text     NULL,
        risk           text     NULL,
        signal         text     NULL,
        team           text     NOT NULL,
        matrix_version text     NOT NULL
      )`);
    await queryRunner.query(`
      INSERT INTO routing_rule (id, rule_order, category, urgency, risk, signal, team, matrix_version)
      SELECT r->>'id', (r->>'order')::integer, r->>'category', r->>'urgency', r->>'risk', r->>'signal', r->>'team',
             m.version::text
      FROM (SELECT version, document FROM escalation_matrix ORDER BY version DESC LIMIT 1) m,
           jsonb_array_elements(m.document->'routingRules') r`);
    await queryRunner.query(`DROP TABLE escalation_matrix`);
  }
}

function toRoutingRule(row: RoutingRuleRow): RoutingRule {
  return {
    id: row.id,
    order: row.rule_order,
    ...(row.category ? { category: row.category } : {}),
    ...(row.urgency ? { urgency: row.urgency } : {}),
    ...(row.risk ? { risk: row.risk } : {}),
    ...(row.signal ? { signal: row.signal } : {}),
    team: row.team,
  };
}
