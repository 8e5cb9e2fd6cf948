import { Inject, Injectable } from '@nestjs/common';
import { StaffRecipient } from '../domain/recipients';
import { STAFF_DIRECTORY, StaffDirectory, StaffDirectoryView } from './ports/staff-directory';

export class InvalidStaffDirectoryError extends Error {
  constructor(readonly problems: { field: string; message: string }[]) {
    super('the staff directory is not valid');
    this.name = 'InvalidStaffDirectoryError';
  }
}

export const WEBHOOK_SECRET_NAMES = Symbol('WebhookSecretNames');

/**
 * Reads and replaces the staff directory. A webhook must name a signing secret that this service is configured with,
 * so an unsigned or unsignable webhook is refused when it is entered rather than failing when something happens.
 */
@Injectable()
export class ManageStaffDirectoryService {
  constructor(
    @Inject(STAFF_DIRECTORY) private readonly directory: StaffDirectory,
    @Inject(WEBHOOK_SECRET_NAMES) private readonly secretNames: ReadonlySet<string>,
  ) {}

  current(): Promise<StaffDirectoryView> {
    return this.directory.all();
  }

  async replace(recipients: StaffRecipient[], actor: string): Promise<StaffDirectoryView> {
    const problems: { field: string; message: string }[] = [];
    const ids = new Set<string>();
    recipients.forEach((r, i) => {
      if (ids.has(r.id))
        problems.push({ field: `recipients.${i}.id`, message: `a second recipient ${r.id}` });
      ids.add(r.id);
      const addressProblem = addressProblemOf(r);
      if (addressProblem) problems.push({ field: `recipients.${i}.address`, message: addressProblem });
      if (r.channel === 'webhook' && (!r.secretRef || !this.secretNames.has(r.secretRef))) {
        problems.push({
          field: `recipients.${i}.secretRef`,
          message: 'a webhook needs secretRef naming one of the configured WEBHOOK_SECRETS',
        });
      }
      if (r.channel !== 'webhook' && r.secretRef !== undefined) {
        problems.push({
          field: `recipients.${i}.secretRef`,
          message: 'only webhooks have a signing secret',
        });
      }
    });
    if (problems.length > 0) throw new InvalidStaffDirectoryError(problems);
    return this.directory.replace(recipients, actor);
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 -]{5,23}$/;

function addressProblemOf(r: StaffRecipient): string | null {
  if (r.channel === 'email')
    return EMAIL.test(r.address) ? null : 'an email recipient needs an e-mail address';
  if (r.channel === 'sms') return PHONE.test(r.address) ? null : 'an sms recipient needs a phone number';
  try {
    const url = new URL(r.address);
    return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'a webhook needs an http(s) URL';
  } catch {
    return 'a webhook needs an http(s) URL';
  }
}
