// Hybrid logical clock: wall-clock milliseconds, a counter for events in the same millisecond (or when a
// remote clock ran ahead), and the device id as the final tie-break. Encoded as a fixed-width string so
// that comparing two stamps is comparing two strings, the same way on every device.

export type Hlc = string;

const MS_WIDTH = 11; // base-36 milliseconds: good past the year 5000
const COUNTER_WIDTH = 5;

export function encodeHlc(ms: number, counter: number, device: string): Hlc {
  return `${ms.toString(36).padStart(MS_WIDTH, '0')}.${counter.toString(36).padStart(COUNTER_WIDTH, '0')}.${device}`;
}

export function decodeHlc(h: Hlc): { ms: number; counter: number; device: string } {
  const [ms, counter, ...device] = h.split('.');
  return { ms: parseInt(ms ?? '0', 36), counter: parseInt(counter ?? '0', 36), device: device.join('.') };
}

/** A device's clock: never goes backwards, and moves past every stamp it has seen (local or received). */
export class HybridClock {
  private ms = 0;
  private counter = 0;

  constructor(
    readonly device: string,
    private readonly wall: () => number = () => Date.now(),
    last?: Hlc,
  ) {
    if (last) this.observe(last);
  }

  /** A new stamp, greater than every stamp this clock has issued or observed. */
  now(): Hlc {
    const wall = this.wall();
    if (wall > this.ms) {
      this.ms = wall;
      this.counter = 0;
    } else {
      this.counter++;
    }
    return encodeHlc(this.ms, this.counter, this.device);
  }

  /** Takes a received stamp into account, so the next local stamp orders after it. */
  observe(h: Hlc): void {
    const r = decodeHlc(h);
    if (r.ms > this.ms || (r.ms === this.ms && r.counter > this.counter)) {
      this.ms = r.ms;
      this.counter = r.counter;
    }
  }

  /** The last stamp issued or observed (persisted between runs). */
  last(): Hlc {
    return encodeHlc(this.ms, this.counter, this.device);
  }
}
