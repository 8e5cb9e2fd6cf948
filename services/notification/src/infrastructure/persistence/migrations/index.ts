import { CreateNotificationTables1763800400000 } from './1763800400000-create-notification-tables';

export const NOTIFICATION_MIGRATIONS = [CreateNotificationTables1763800400000];
