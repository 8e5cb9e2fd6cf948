import { DynamicModule, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { AesGcmKeyring } from '@complaints/data-protection';
import { messagingConfigFor, messagingProviders } from '@complaints/kafka';
import { databaseProviders } from '@complaints/persistence';
import { JsonLogger, ObservabilityModule } from '@complaints/observability';
import { NotificationPolicyController } from './api/http/notification-policy.controller';
import { NotificationsController } from './api/http/notifications.controller';
import { StaffDirectoryController } from './api/http/staff-directory.controller';
import { TemplatesController } from './api/http/templates.controller';
import { AcknowledgeOnReceivedHandler } from './api/messaging/acknowledge-on-received.handler';
import { PlannedDeliveries } from './api/messaging/planned-deliveries';
import { ComplaintUrgencyHandler } from './api/messaging/complaint-urgency.handler';
import { NotifyOnEventHandler } from './api/messaging/notify-on-event.handler';
import {
  ManageStaffDirectoryService,
  WEBHOOK_SECRET_NAMES,
} from './application/manage-staff-directory.service';
import { ManageTemplatesService } from './application/manage-templates.service';
import { NOTIFICATION_SETTINGS } from './application/notification-settings';
import { PlanDeliveriesService } from './application/plan-deliveries.service';
import { CHANNEL_ADAPTER, ChannelAdapter } from './application/ports/channel-adapter';
import { COMPLAINT_PROFILE_STORE } from './application/ports/complaint-profile-store';
import { CONTACT_VAULT } from './application/ports/contact-vault';
import { DELIVERY_STORE } from './application/ports/delivery-store';
import { NOTIFICATION_POLICY_STORE } from './application/ports/notification-policy-store';
import { STAFF_DIRECTORY } from './application/ports/staff-directory';
import { TEMPLATE_STORE } from './application/ports/template-store';
import { SendDueDeliveriesService } from './application/send-due-deliveries.service';
import { TrackComplaintService } from './application/track-complaint.service';
import { settingsFrom, webhookSecretsFrom } from './config/notification-settings.factory';
import { NotificationEnv } from './config/notification.env';
import { Clock, CLOCK, systemClock } from './domain/clock';
import { ChannelRouter } from './infrastructure/channels/channel-router';
import { HttpSmsGatewayChannel } from './infrastructure/channels/http-sms-gateway.channel';
import { LogChannelAdapter } from './infrastructure/channels/log-channel.adapter';
import { SignedWebhookChannel } from './infrastructure/channels/signed-webhook.channel';
import { SmtpEmailChannel } from './infrastructure/channels/smtp-email.channel';
import { KeyringContactVault } from './infrastructure/crypto/keyring-contact-vault';
import { NOTIFICATION_MIGRATIONS } from './infrastructure/persistence/migrations';
import { TypeormComplaintProfileStore } from './infrastructure/persistence/typeorm-complaint-profile.store';
import { TypeormDeliveryStore } from './infrastructure/persistence/typeorm-delivery.store';
import { TypeormNotificationPolicyStore } from './infrastructure/persistence/typeorm-notification-policy.store';
import { TypeormStaffDirectory } from './infrastructure/persistence/typeorm-staff-directory';
import { TypeormTemplateStore } from './infrastructure/persistence/typeorm-template.store';
import { DELIVERY_DATABASE_URL, DeliveryWorker } from './infrastructure/worker/delivery-worker';

export const NOTIFICATION_SCHEMA = 'notification';

/** What a test may replace: time, so quiet hours and deadlines are tested without waiting for the night. */
export interface NotificationOverrides {
  clock?: Clock;
}

/** Closes the pooled SMTP connections when the app stops. */
class SmtpCloser implements OnApplicationShutdown {
  constructor(private readonly smtp: SmtpEmailChannel | null) {}

  onApplicationShutdown(): void {
    this.smtp?.close();
  }
}

function channelProviders(env: NotificationEnv, clock: Clock): Provider[] {
  const timeoutMs = env.SEND_TIMEOUT_MS;
  const smtp = env.SMTP_HOST
    ? new SmtpEmailChannel({
        host: env.SMTP_HOST,
        port: env.SMTP_PORT,
        secure: env.SMTP_SECURE === 'true',
        requireTls: env.SMTP_REQUIRE_TLS === 'true',
        user: env.SMTP_USER || undefined,
        password: env.SMTP_PASSWORD || undefined,
        from: env.SMTP_FROM,
        timeoutMs,
      })
    : null;
  return [
    { provide: SmtpCloser, useValue: new SmtpCloser(smtp) },
    {
      provide: CHANNEL_ADAPTER,
      useFactory: (logger: JsonLogger): ChannelAdapter => {
        const log = new LogChannelAdapter(logger);
        if (!smtp) logger.warn('SMTP_HOST is not set: e-mails are written to the log, not sent');
        if (!env.SMS_GATEWAY_URL)
          logger.warn('SMS_GATEWAY_URL is not set: text messages are written to the log');
        return new ChannelRouter({
          email: smtp ?? log,
          sms: env.SMS_GATEWAY_URL
            ? new HttpSmsGatewayChannel({ url: env.SMS_GATEWAY_URL, token: env.SMS_GATEWAY_TOKEN, timeoutMs })
            : log,
          webhook: new SignedWebhookChannel(webhookSecretsFrom(env), clock, timeoutMs),
        });
      },
      inject: [JsonLogger],
    },
  ];
}

@Module({})
export class NotificationModule {
  static register(env: NotificationEnv, overrides: NotificationOverrides = {}): DynamicModule {
    const clock = overrides.clock ?? systemClock;
    return {
      module: NotificationModule,
      imports: [ObservabilityModule.forService('notification')],
      controllers: [
        NotificationsController,
        TemplatesController,
        StaffDirectoryController,
        NotificationPolicyController,
      ],
      providers: [
        ...databaseProviders({
          service: 'notification',
          url: env.DATABASE_URL,
          schema: NOTIFICATION_SCHEMA,
          entities: [],
          migrations: NOTIFICATION_MIGRATIONS,
        }),
        ...messagingProviders(
          messagingConfigFor('notification', NOTIFICATION_SCHEMA, env, 'customer-updates'),
          [AcknowledgeOnReceivedHandler, ComplaintUrgencyHandler, NotifyOnEventHandler],
        ),
        { provide: CLOCK, useValue: clock },
        { provide: NOTIFICATION_SETTINGS, useValue: settingsFrom(env) },
        { provide: WEBHOOK_SECRET_NAMES, useValue: new Set(webhookSecretsFrom(env).keys()) },
        {
          provide: CONTACT_VAULT,
          useValue: new KeyringContactVault(new AesGcmKeyring(env.CONTACT_KEYS, env.CONTACT_ACTIVE_KEY)),
        },
        ...channelProviders(env, clock),
        { provide: DELIVERY_STORE, useClass: TypeormDeliveryStore },
        { provide: TEMPLATE_STORE, useClass: TypeormTemplateStore },
        { provide: STAFF_DIRECTORY, useClass: TypeormStaffDirectory },
        { provide: COMPLAINT_PROFILE_STORE, useClass: TypeormComplaintProfileStore },
        { provide: NOTIFICATION_POLICY_STORE, useClass: TypeormNotificationPolicyStore },
        { provide: DELIVERY_DATABASE_URL, useValue: env.DATABASE_URL },
        TrackComplaintService,
        PlanDeliveriesService,
        PlannedDeliveries,
        SendDueDeliveriesService,
        ManageTemplatesService,
        ManageStaffDirectoryService,
        DeliveryWorker,
      ],
    };
  }
}
