/** A clock tests move by hand; structurally satisfies every service's Clock port ({ now(): Date }). */
export class FakeClock {
  private current: number;

  constructor(start: Date | string = '2026-11-20T09:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(time: Date | string): void {
    this.current = new Date(time).getTime();
  }
}
