import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReferenceNumbers } from '../../application/ports/registration-store';

const BLOCK = 50;

/**
 * Reference numbers from complaint_reference_seq, taken 50 at a time so a POST rarely waits for a round trip.
 * Numbers a replica took but did not use before it stopped are skipped, and replicas interleave: references are
 * unique and quotable, not gapless or in filing order across replicas (the standards ask for the former).
 */
@Injectable()
export class SequenceReferenceNumbers implements ReferenceNumbers {
  private readonly taken: number[] = [];
  private refill?: Promise<void>;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async next(): Promise<number> {
    while (this.taken.length === 0) {
      this.refill ??= this.takeBlock().finally(() => (this.refill = undefined));
      await this.refill;
    }
    return this.taken.shift() as number;
  }

  private async takeBlock(): Promise<void> {
    const rows: { n: string }[] = await this.dataSource.query(
      `SELECT nextval('complaint_reference_seq') AS n FROM generate_series(1, $1)`,
      [BLOCK],
    );
    // Other replicas draw from the same sequence meanwhile, so the block need not be contiguous.
    this.taken.push(...rows.map((row) => Number(row.n)).sort((a, b) => a - b));
  }
}
