import { DynamicModule, Module } from '@nestjs/common';
import { AesGcmKeyring } from '@complaints/data-protection';
import { messagingConfigFor, messagingProviders } from '@complaints/kafka';
import { databaseProviders } from '@complaints/persistence';
import { JsonLogger, ObservabilityModule } from '@complaints/observability';
import { NotificationsController } from './api/http/notifications.controller';
import { AcknowledgeOnReceivedHandler } from './api/messaging/acknowledge-on-received.handler';
import { AcknowledgeReceiptService, CONTACT_KEYRING } from './application/acknowledge-receipt.service';
import { CHANNEL_ADAPTER } from './application/ports/channel-adapter';
import { DELIVERY_STORE } from './application/ports/delivery-store';
import { NotificationEnv } from './config/notification.env';
import { CLOCK, systemClock } from './domain/clock';
import { LogChannelAdapter } from './infrastructure/channels/log-channel.adapter';
import { NOTIFICATION_MIGRATIONS } from './infrastructure/persistence/migrations';
import { TypeormDeliveryStore } from './infrastructure/persistence/typeorm-delivery.store';

export const NOTIFICATION_SCHEMA = 'notification';

@Module({})
export class NotificationModule {
  static register(env: NotificationEnv): DynamicModule {
    return {
      module: NotificationModule,
      imports: [ObservabilityModule.forService('notification')],
      controllers: [NotificationsController],
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
          [AcknowledgeOnReceivedHandler],
        ),
        { provide: CLOCK, useValue: systemClock },
        { provide: CONTACT_KEYRING, useValue: new AesGcmKeyring(env.CONTACT_KEYS, env.CONTACT_ACTIVE_KEY) },
        {
          provide: CHANNEL_ADAPTER,
          useFactory: (logger: JsonLogger) => new LogChannelAdapter(logger),
          inject: [JsonLogger],
        },
        { provide: DELIVERY_STORE, useClass: TypeormDeliveryStore },
        AcknowledgeReceiptService,
      ],
    };
  }
}
