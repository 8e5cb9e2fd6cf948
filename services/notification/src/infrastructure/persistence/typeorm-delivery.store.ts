import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveryStore, DeliveryView, NewDelivery } from '../../application/ports/delivery-store';
import { Template } from '../../domain/template';

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  complaint_id: string;
  audience: NewDelivery['audience'];
  channel: NewDelivery['channel'];
  template_id: string | null;
  language: NewDelivery['language'];
  recipient_masked: string;
  status: DeliveryView['status'];
  attempts: number;
  provider_message_id: string | null;
  error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

@Injectable()
export class TypeormDeliveryStore implements DeliveryStore {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async template(
    em: EntityManager,
    eventType: string,
    audience: string,
    channel: string,
    language: string,
  ): Promise<Template | null> {
    const [row]: {
      id: string;
      event_type: string;
      audience: Template['audience'];
      channel: Template['channel'];
      language: Template['language'];
      subject: string | null;
      body: string;
    }[] = await em.query(
      'SELECT * FROM template WHERE event_type = $1 AND audience = $2 AND channel = $3 AND language = $4',
      [eventType, audience, channel, language],
    );
    if (!row) return null;
    return {
      id: row.id,
      eventType: row.event_type,
      audience: row.audience,
      channel: row.channel,
      language: row.language,
      ...(row.subject ? { subject: row.subject } : {}),
      body: row.body,
    };
  }

  async claim(em: EntityManager, d: NewDelivery, status: DeliveryView['status']): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO delivery (id, event_id, event_type, complaint_id, audience, channel, template_id, language,
         recipient_masked, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (event_id, audience, channel) DO NOTHING RETURNING 1`,
      [
        d.id,
        d.eventId,
        d.eventType,
        d.complaintId,
        d.audience,
        d.channel,
        d.templateId,
        d.language,
        d.recipientMasked,
        status,
      ],
    );
    return rows.length > 0;
  }

  async markSent(em: EntityManager, id: string, providerMessageId: string, sentAt: Date): Promise<void> {
    await em.query(
      `UPDATE delivery SET status = 'sent', attempts = attempts + 1, provider_message_id = $2, sent_at = $3 WHERE id = $1`,
      [id, providerMessageId, sentAt],
    );
  }

  async markFailed(em: EntityManager, id: string, error: string): Promise<void> {
    await em.query(
      `UPDATE delivery SET status = 'failed', attempts = attempts + 1, error = $2 WHERE id = $1`,
      [id, error],
    );
  }

  async forComplaint(complaintId: string): Promise<DeliveryView[]> {
    const rows: DeliveryRow[] = await this.dataSource.query(
      'SELECT * FROM delivery WHERE complaint_id = $1 ORDER BY created_at, id',
      [complaintId],
    );
    return rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      eventType: r.event_type,
      complaintId: r.complaint_id,
      audience: r.audience,
      channel: r.channel,
      templateId: r.template_id,
      language: r.language,
      recipientMasked: r.recipient_masked,
      status: r.status,
      attempts: r.attempts,
      providerMessageId: r.provider_message_id,
      error: r.error,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at ? r.sent_at.toISOString() : null,
    }));
  }
}
