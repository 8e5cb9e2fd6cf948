import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionMemo } from '@complaints/persistence';
import { RuleSet, RuleSetDocument } from '../../domain/rule-set/rule-set';
import { RuleSetStore, RuleSetVersionInfo, StoredRuleSet } from '../../application/ports/rule-set-store';

interface RuleSetRow {
  version: string;
  document: RuleSetDocument;
  created_by: string;
  created_at: Date;
  comment: string | null;
  last_activated_at: Date | null;
}

/** Any constant key works: it only has to be the same for every replica activating a rule set. */
const ACTIVATION_LOCK = 'classification.rule_set_activation';

@Injectable()
export class TypeormRuleSetStore implements RuleSetStore {
  /** Every event of a consumer's run classifies with the active rule set: its version is read once per run. */
  private readonly active = new TransactionMemo<string>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  activeVersion(em?: EntityManager): Promise<string> {
    return this.active.read(em, 'active', () => this.readActiveVersion(em));
  }

  private async readActiveVersion(em?: EntityManager): Promise<string> {
    const [row]: { version: string }[] = await (em ?? this.dataSource).query(
      'SELECT version FROM rule_set_activation ORDER BY seq DESC LIMIT 1',
    );
    if (!row) throw new Error('no rule set has ever been activated: the seed migration has not run');
    return row.version;
  }

  async get(version: string, em?: EntityManager): Promise<StoredRuleSet | null> {
    const [row]: RuleSetRow[] = await (em ?? this.dataSource).query(
      `SELECT r.*, (SELECT max(activated_at) FROM rule_set_activation a WHERE a.version = r.version) AS last_activated_at
       FROM rule_set r WHERE r.version = $1`,
      [version],
    );
    if (!row) return null;
    const ruleSet: RuleSet = { version: row.version, ...row.document };
    return { ...info(row), ruleSet };
  }

  async list(): Promise<RuleSetVersionInfo[]> {
    const rows: RuleSetRow[] = await this.dataSource.query(
      `SELECT r.version, r.created_by, r.created_at, r.comment,
         (SELECT max(activated_at) FROM rule_set_activation a WHERE a.version = r.version) AS last_activated_at
       FROM rule_set r ORDER BY r.created_at DESC, r.version DESC`,
    );
    return rows.map(info);
  }

  async lockActivations(em: EntityManager): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [ACTIVATION_LOCK]);
  }

  async insert(em: EntityManager, ruleSet: RuleSet, createdBy: string, comment?: string): Promise<void> {
    const { version, ...document } = ruleSet;
    await em.query(
      'INSERT INTO rule_set (version, document, created_by, comment, created_at) VALUES ($1, $2::jsonb, $3, $4, now())',
      [version, JSON.stringify(document), createdBy, comment ?? null],
    );
  }

  async activate(em: EntityManager, version: string, activatedBy: string): Promise<void> {
    this.active.forget(em);
    await em.query('INSERT INTO rule_set_activation (version, activated_by) VALUES ($1, $2)', [
      version,
      activatedBy,
    ]);
  }
}

function info(row: RuleSetRow): RuleSetVersionInfo {
  return {
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    ...(row.comment ? { comment: row.comment } : {}),
    ...(row.last_activated_at ? { lastActivatedAt: row.last_activated_at } : {}),
  };
}
