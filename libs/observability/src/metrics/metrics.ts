import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The service's Prometheus registry. Metric objects are created once by name and shared, so two components
 * asking for the same counter get the same one.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly made = new Map<string, Counter<string> | Gauge<string> | Histogram<string>>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  counter(name: string, help: string, labelNames: string[] = []): Counter<string> {
    return this.once(name, () => new Counter({ name, help, labelNames, registers: [this.registry] }));
  }

  gauge(name: string, help: string, labelNames: string[] = []): Gauge<string> {
    return this.once(name, () => new Gauge({ name, help, labelNames, registers: [this.registry] }));
  }

  histogram(name: string, help: string, labelNames: string[] = [], buckets?: number[]): Histogram<string> {
    return this.once(
      name,
      () =>
        new Histogram({
          name,
          help,
          labelNames,
          ...(buckets ? { buckets } : {}),
          registers: [this.registry],
        }),
    );
  }

  private once<T extends Counter<string> | Gauge<string> | Histogram<string>>(
    name: string,
    make: () => T,
  ): T {
    const existing = this.made.get(name);
    if (existing) return existing as T;
    const created = make();
    this.made.set(name, created);
    return created;
  }
}
