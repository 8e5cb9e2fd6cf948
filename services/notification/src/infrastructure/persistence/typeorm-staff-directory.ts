import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionMemo } from '@complaints/persistence';
import { StaffRecipient } from '../../domain/recipients';
import { Channel, Language, StaffAudience } from '../../domain/template';
import { StaffDirectory, StaffDirectoryView } from '../../application/ports/staff-directory';

interface RecipientRow {
  id: string;
  audience: StaffAudience;
  team: string;
  channel: Channel;
  address: string;
  language: Language;
  secret_ref: string | null;
  enabled: boolean;
  updated_at: Date;
  updated_by: string;
}

function toRecipient(r: RecipientRow): StaffRecipient {
  return {
    id: r.id,
    audience: r.audience,
    team: r.team,
    channel: r.channel,
    address: r.address,
    language: r.language,
    ...(r.secret_ref ? { secretRef: r.secret_ref } : {}),
    enabled: r.enabled,
  };
}

@Injectable()
export class TypeormStaffDirectory implements StaffDirectory {
  /** Every event of a consumer's run picks its staff recipients: the directory is read once per run. */
  private readonly directory = new TransactionMemo<StaffDirectoryView>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  all(em: EntityManager = this.dataSource.manager): Promise<StaffDirectoryView> {
    return this.directory.read(em, 'all', () => this.readAll(em));
  }

  private async readAll(em: EntityManager): Promise<StaffDirectoryView> {
    const rows: RecipientRow[] = await em.query('SELECT * FROM staff_recipient ORDER BY id');
    const latest = rows.reduce<RecipientRow | null>(
      (acc, r) => (!acc || r.updated_at > acc.updated_at ? r : acc),
      null,
    );
    return {
      recipients: rows.map(toRecipient),
      updatedAt: latest ? latest.updated_at.toISOString() : null,
      updatedBy: latest ? latest.updated_by : null,
    };
  }

  async find(em: EntityManager, id: string): Promise<StaffRecipient | null> {
    const [row]: RecipientRow[] = await em.query('SELECT * FROM staff_recipient WHERE id = $1', [id]);
    return row ? toRecipient(row) : null;
  }

  replace(recipients: StaffRecipient[], actor: string): Promise<StaffDirectoryView> {
    return this.dataSource.transaction(async (em) => {
      this.directory.forget(em);
      await em.query('DELETE FROM staff_recipient');
      for (const r of recipients) {
        await em.query(
          `INSERT INTO staff_recipient (id, audience, team, channel, address, language, secret_ref, enabled, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [r.id, r.audience, r.team, r.channel, r.address, r.language, r.secretRef ?? null, r.enabled, actor],
        );
      }
      return this.all(em);
    });
  }
}
