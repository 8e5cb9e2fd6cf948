import { CreateNotificationTables1763800400000 } from './1763800400000-create-notification-tables';
import { DurableDeliveries1764100000000 } from './1764100000000-durable-deliveries';

/** Every migration of the notification schema, in order (explicit, so bundling never loses one). */
export const NOTIFICATION_MIGRATIONS = [
  CreateNotificationTables1763800400000,
  DurableDeliveries1764100000000,
];
