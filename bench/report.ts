// Every benchmark prints its figure beside its target, one line each, and the
// runner prints a summary; `npm run bench` exits non-zero when a target is missed.
export interface BenchLine {
  name: string;
  figure: number;
  unit: string;
  target: string;
  ok: boolean | null;
}

export const results: BenchLine[] = [];

/** ok=null for figures reported without a target (e.g. 50k reference numbers). */
export function report(name: string, figure: number, unit: string, target: string, ok: boolean | null): void {
  results.push({ name, figure, unit, target, ok });
  const mark = ok === null ? '    ' : ok ? 'PASS' : 'MISS';
  const fig = Number.isInteger(figure) ? String(figure) : figure.toFixed(figure < 10 ? 2 : 1);
  console.log(`${mark}  ${name.padEnd(58)} ${fig.padStart(10)} ${unit.padEnd(8)} target ${target}`);
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}
