import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, CLOCK } from '../domain/clock';
import { Urgency } from '../domain/quiet-hours';
import { CustomerProfile } from '../domain/recipients';
import {
  COMPLAINT_PROFILE_STORE,
  ComplaintProfile,
  ComplaintProfileStore,
} from './ports/complaint-profile-store';
import { SealedContact } from './ports/contact-vault';
import { DELIVERY_STORE, DeliveryStore } from './ports/delivery-store';

/**
 * Keeps the complaint projection this service needs (whom to tell, in which language, how urgent, which team).
 * The contact block is stored exactly as it arrived, sealed with the contact key ring, and opened only to send.
 */
@Injectable()
export class TrackComplaintService {
  constructor(
    @Inject(COMPLAINT_PROFILE_STORE) private readonly profiles: ComplaintProfileStore,
    @Inject(DELIVERY_STORE) private readonly deliveries: DeliveryStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async received(
    em: EntityManager,
    received: { complaintId: string; reference: string; customer: CustomerProfile; contact: SealedContact },
  ): Promise<ComplaintProfile> {
    return this.profiles.recordReceived(em, { ...received, at: this.clock.now() });
  }

  /** An urgent classification releases the complaint's SMS held for quiet hours at once. */
  async classified(
    em: EntityManager,
    classified: { complaintId: string; reference: string; urgency: Urgency; revision: number },
  ): Promise<void> {
    const now = this.clock.now();
    const applied = await this.profiles.recordClassification(em, { ...classified, at: now });
    if (applied && classified.urgency === 'urgent') {
      const released = await this.deliveries.releaseQuietHolds(em, classified.complaintId, now);
      if (released > 0) await this.deliveries.wakeWorkers(em);
    }
  }

  async assigned(
    em: EntityManager,
    assigned: { complaintId: string; team: string; level: string },
  ): Promise<ComplaintProfile> {
    return this.profiles.recordTeam(em, { ...assigned, at: this.clock.now() });
  }
}
