import { EntityManager } from 'typeorm';
import { Template } from '../../domain/template';

export interface NewDelivery {
  id: string;
  eventId: string;
  eventType: string;
  complaintId: string;
  audience: Template['audience'];
  channel: Template['channel'];
  templateId: string | null;
  language: Template['language'];
  recipientMasked: string;
}

export interface DeliveryView extends NewDelivery {
  status: 'pending' | 'sent' | 'failed' | 'suppressed';
  attempts: number;
  providerMessageId: string | null;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface DeliveryStore {
  template(
    em: EntityManager,
    eventType: string,
    audience: string,
    channel: string,
    language: string,
  ): Promise<Template | null>;
  /** Claims the (event, audience, channel) delivery; false when it already exists, so nothing is sent twice. */
  claim(em: EntityManager, delivery: NewDelivery, status: DeliveryView['status']): Promise<boolean>;
  markSent(em: EntityManager, id: string, providerMessageId: string, sentAt: Date): Promise<void>;
  markFailed(em: EntityManager, id: string, error: string): Promise<void>;
  forComplaint(complaintId: string): Promise<DeliveryView[]>;
}

export const DELIVERY_STORE = Symbol('DeliveryStore');
