import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, CLOCK } from '../domain/clock';
import { CUSTOMER_RECIPIENT } from '../domain/delivery';
import { deriveVariables } from '../domain/derived-variables';
import { routeToCustomer, StaffRecipient, staffRecipientsFor } from '../domain/recipients';
import { Audience, Channel, Language, StaffAudience, VersionedTemplate } from '../domain/template';
import { maskAddress } from './mask-address';
import { failedEvent } from './outcome-events';
import { NotificationTrigger } from './notification-trigger';
import {
  COMPLAINT_PROFILE_STORE,
  ComplaintProfile,
  ComplaintProfileStore,
} from './ports/complaint-profile-store';
import { DELIVERY_STORE, DeliveryStore, NewDelivery, OutcomeEnvelope } from './ports/delivery-store';
import { NOTIFICATION_POLICY_STORE, NotificationPolicyStore } from './ports/notification-policy-store';
import { NOTIFICATION_SETTINGS, NotificationSettings } from './notification-settings';
import { STAFF_DIRECTORY, StaffDirectory } from './ports/staff-directory';
import { TEMPLATE_STORE, TemplateStore } from './ports/template-store';

/**
 * Decides, inside the consumer's transaction, who hears about an event and records one delivery per recipient and
 * channel; the delivery worker sends them afterwards. Who hears what is data: an audience is told about an event
 * when the current template set has templates for that event and audience (the customer on their chosen channel
 * and language, staff through the directory). Deliveries that can never be sent (no address, no template for the
 * recipient's channel and language) are recorded as failed at once and returned for notification.failed.
 * Planning and recording are separate steps, so a consumer run records all its events' deliveries in one statement.
 */
@Injectable()
export class PlanDeliveriesService {
  constructor(
    @Inject(TEMPLATE_STORE) private readonly templates: TemplateStore,
    @Inject(STAFF_DIRECTORY) private readonly directory: StaffDirectory,
    @Inject(COMPLAINT_PROFILE_STORE) private readonly profiles: ComplaintProfileStore,
    @Inject(DELIVERY_STORE) private readonly deliveries: DeliveryStore,
    @Inject(NOTIFICATION_POLICY_STORE) private readonly policy: NotificationPolicyStore,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The deliveries an event calls for, not yet recorded. `known` is the complaint's profile when the caller has
   * just written it (saves reading it again).
   */
  async plan(
    trigger: NotificationTrigger,
    em: EntityManager,
    known?: ComplaintProfile,
  ): Promise<NewDelivery[]> {
    const templates = await this.templates.forEvent(em, trigger.eventType);
    if (templates.length === 0) return [];
    const profile = known ?? (trigger.complaintId ? await this.profiles.find(em, trigger.complaintId) : null);
    const team = trigger.team ?? profile?.team ?? null;
    const variables = deriveVariables(trigger.eventType, trigger.variables, {
      // Only the acknowledgement quotes the answer time.
      answerWithinDays:
        trigger.eventType === 'complaint.received' ? (await this.policy.get(em)).answerWithinDays : 0,
      surveyUrl: this.settings.surveyUrl,
      team,
    });
    const now = this.clock.now();
    const base = {
      eventId: trigger.eventId,
      eventType: trigger.eventType,
      subject: trigger.subject,
      complaintId: trigger.complaintId,
      correlationId: trigger.correlationId,
      variables,
      dueAt: now,
    };
    const find = (audience: Audience, channel: Channel, language: Language) =>
      templates.find((t) => t.audience === audience && t.channel === channel && t.language === language);
    const version = templates[0].version;

    const planned: NewDelivery[] = [];
    const audiences = [...new Set(templates.map((t) => t.audience))];
    if (audiences.includes('customer')) {
      planned.push(this.customerDelivery(base, version, routeToCustomer(profile?.customer ?? null), find));
    }
    const staff = (await this.directory.all(em)).recipients;
    for (const audience of audiences.filter((a): a is StaffAudience => a !== 'customer')) {
      for (const recipient of staffRecipientsFor(staff, audience, team)) {
        planned.push(this.staffDelivery(base, version, audience, recipient, find));
      }
    }

    return planned;
  }

  /**
   * Records planned deliveries (of one event or many) in one statement; a repeat of an event, recipient and channel
   * is skipped. Answers notification.failed for those that can never be sent: they are reported now, in this
   * transaction; the rest are reported by the worker.
   */
  async record(em: EntityManager, planned: NewDelivery[]): Promise<OutcomeEnvelope[]> {
    const recorded = await this.deliveries.record(em, planned);
    return recorded.flatMap((d) => {
      if (d.status !== 'failed' || d.channel === 'none') return [];
      const failure = { error: d.error ?? 'not deliverable', permanent: true };
      const event = failedEvent({ ...d, channel: d.channel, attempts: 1 }, 1, failure, d.dueAt);
      return event ? [event] : [];
    });
  }

  private customerDelivery(
    base: DeliveryBase,
    version: number,
    route: ReturnType<typeof routeToCustomer>,
    find: TemplateFinder,
  ): NewDelivery {
    const common = {
      ...base,
      id: randomUUID(),
      audience: 'customer' as const,
      recipientKey: CUSTOMER_RECIPIENT,
    };
    if (route.kind === 'suppressed') {
      // Recorded so GET /v1/notifications shows why nothing went out.
      return {
        ...common,
        channel: 'none',
        language: route.language ?? 'en',
        templateVersion: version,
        recipientMasked: 'none',
        status: 'suppressed',
        error: route.reason,
      };
    }
    const template = find('customer', route.channel, route.language);
    const row = { ...common, channel: route.channel, language: route.language, templateVersion: version };
    if (route.kind === 'unreachable')
      return { ...row, recipientMasked: 'missing', status: 'failed', error: route.reason };
    if (!template)
      return { ...row, recipientMasked: route.maskedAddress, status: 'failed', error: noTemplate(row) };
    return { ...row, recipientMasked: route.maskedAddress, status: 'pending' };
  }

  private staffDelivery(
    base: DeliveryBase,
    version: number,
    audience: StaffAudience,
    recipient: StaffRecipient,
    find: TemplateFinder,
  ): NewDelivery {
    const row = {
      ...base,
      id: randomUUID(),
      audience,
      recipientKey: recipient.id,
      channel: recipient.channel,
      language: recipient.language,
      templateVersion: version,
      recipientMasked: maskAddress(recipient.channel, recipient.address),
    };
    if (!find(audience, recipient.channel, recipient.language)) {
      return { ...row, status: 'failed', error: noTemplate(row) };
    }
    return { ...row, status: 'pending' };
  }
}

type DeliveryBase = Omit<
  NewDelivery,
  | 'id'
  | 'audience'
  | 'recipientKey'
  | 'channel'
  | 'language'
  | 'templateVersion'
  | 'recipientMasked'
  | 'status'
>;
type TemplateFinder = (
  audience: Audience,
  channel: Channel,
  language: Language,
) => VersionedTemplate | undefined;

function noTemplate(d: { eventType: string; audience: string; channel: string; language: string }): string {
  return `no template for ${d.eventType} to ${d.audience} by ${d.channel} in ${d.language}`;
}
