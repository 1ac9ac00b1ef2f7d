// What every bench case shares: the shape of a result, the timer and the median.
import { performance } from 'node:perf_hooks';

export interface BenchResult {
  name: string;
  goalMs: number;
  medianMs: number;
  runs: number[];
  note: string;
  /** Peak resident memory of the measured process, in MB, and its goal (cases measured in a child). */
  peakMb?: number;
  goalMb?: number;
}

/** A case builds its data in `work` (a temporary folder the runner removes), warms up and measures. */
export type BenchCase = (work: string) => Promise<BenchResult[]>;

/** The day the documents are dated and the deadlines counted from. */
export const TODAY = '2024-12-01';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
