// Peak memory can only be measured in a process of its own: the runner's heap holds the data the
// cases built. A child runs one task (bench/children/) and prints its figures as the last line.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ChildFigures {
  /** Wall time of the task itself, as the child measured it (start-up excluded). */
  ms: number;
  /** The child's peak resident set, in MB (process.resourceUsage().maxRSS). */
  peakMb: number;
  [key: string]: unknown;
}

/** Runs `bench/children/<name>.ts` with `args` in a fresh Node process and returns its figures. */
export async function runChild(name: string, args: string[]): Promise<ChildFigures> {
  const bench = path.dirname(fileURLToPath(import.meta.url));
  // From the project's folder, where `--import tsx` finds the package.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(bench, 'children', `${name}.ts`), ...args], {
    cwd: path.dirname(bench),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (out += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const last = out.trim().split('\n').at(-1) ?? '';
  if (code !== 0) throw new Error(`bench child ${name} failed (exit ${code}): ${last}`);
  return JSON.parse(last) as ChildFigures;
}

/** What a child prints last: its figures, with its peak resident set. */
export function reportFigures(figures: { ms: number; [key: string]: unknown }): void {
  console.log(JSON.stringify({ ...figures, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}
