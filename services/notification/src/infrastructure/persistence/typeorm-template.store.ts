import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionMemo } from '@complaints/persistence';
import { Audience, Channel, Language, Template, VersionedTemplate } from '../../domain/template';
import {
  TemplateSet,
  TemplateStore,
  TemplateVersionConflictError,
} from '../../application/ports/template-store';

interface TemplateRow {
  version: number;
  event_type: string;
  audience: Audience;
  channel: Channel;
  language: Language;
  subject: string | null;
  body: string;
}

const CURRENT = '(SELECT max(version) FROM template_set)';

function toTemplate(r: TemplateRow): VersionedTemplate {
  return {
    version: r.version,
    eventType: r.event_type,
    audience: r.audience,
    channel: r.channel,
    language: r.language,
    ...(r.subject !== null ? { subject: r.subject } : {}),
    body: r.body,
  };
}

@Injectable()
export class TypeormTemplateStore implements TemplateStore {
  private readonly templatesByEvent = new TransactionMemo<VersionedTemplate[]>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async current(em: EntityManager = this.dataSource.manager): Promise<TemplateSet> {
    const [{ version }]: { version: number }[] = await em.query(
      'SELECT max(version) AS version FROM template_set',
    );
    return (await this.load(em, version)) as TemplateSet;
  }

  version(version: number): Promise<TemplateSet | null> {
    return this.load(this.dataSource.manager, version);
  }

  /** Every event of a consumer's run looks up its templates: each type's are read once per run. */
  forEvent(em: EntityManager, eventType: string): Promise<VersionedTemplate[]> {
    return this.templatesByEvent.read(em, eventType, () => this.readForEvent(em, eventType));
  }

  private async readForEvent(em: EntityManager, eventType: string): Promise<VersionedTemplate[]> {
    const rows: TemplateRow[] = await em.query(
      `SELECT * FROM message_template WHERE version = ${CURRENT} AND event_type = $1`,
      [eventType],
    );
    return rows.map(toTemplate);
  }

  async find(
    em: EntityManager,
    k: { version: number; eventType: string; audience: string; channel: string; language: string },
  ): Promise<VersionedTemplate | null> {
    const [row]: TemplateRow[] = await em.query(
      `SELECT * FROM message_template
       WHERE version = $1 AND event_type = $2 AND audience = $3 AND channel = $4 AND language = $5`,
      [k.version, k.eventType, k.audience, k.channel, k.language],
    );
    return row ? toTemplate(row) : null;
  }

  saveNewVersion(templates: Template[], basedOn: number | undefined, actor: string): Promise<TemplateSet> {
    return this.dataSource.transaction(async (em) => {
      // One writer at a time, so two concurrent saves based on the same version cannot both succeed.
      await em.query('LOCK TABLE template_set IN EXCLUSIVE MODE');
      const [{ version: current }]: { version: number }[] = await em.query(
        'SELECT max(version) AS version FROM template_set',
      );
      if (basedOn !== undefined && basedOn !== current)
        throw new TemplateVersionConflictError(basedOn, current);
      const version = current + 1;
      await em.query('INSERT INTO template_set (version, created_by) VALUES ($1, $2)', [version, actor]);
      for (const t of templates) {
        await em.query(
          `INSERT INTO message_template (version, event_type, audience, channel, language, subject, body)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [version, t.eventType, t.audience, t.channel, t.language, t.subject ?? null, t.body],
        );
      }
      return (await this.load(em, version)) as TemplateSet;
    });
  }

  private async load(em: EntityManager, version: number): Promise<TemplateSet | null> {
    const [set]: { version: number; created_at: Date; created_by: string }[] = await em.query(
      'SELECT * FROM template_set WHERE version = $1',
      [version],
    );
    if (!set) return null;
    const rows: TemplateRow[] = await em.query(
      'SELECT * FROM message_template WHERE version = $1 ORDER BY event_type, audience, channel, language',
      [version],
    );
    return {
      version: set.version,
      createdAt: set.created_at.toISOString(),
      createdBy: set.created_by,
      templates: rows.map(toTemplate),
    };
  }
}
