import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

/** The schema check of scripts/ooxml/validate.py (Python 3 with lxml; scripts/setup.sh installs it). */

const SCRIPT = path.join(import.meta.dirname, '..', '..', 'scripts', 'ooxml', 'validate.py');

let python: string | null = null;

/** The first Python 3 here that has lxml: $PYTHON, python3 on the path, then the system's. */
export function pythonWithLxml(): string {
  if (python) return python;
  const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3', 'python'].filter((c): c is string => Boolean(c));
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ['-c', 'import lxml.etree'], { stdio: 'ignore' });
    if (probe.status === 0) return (python = candidate);
  }
  throw new Error(
    `No Python 3 with lxml among ${candidates.join(', ')}: run ./scripts/setup.sh (it installs python3-lxml) or set PYTHON.`,
  );
}

export interface SchemaProblem {
  file: string;
  part: string;
  message: string;
}

/** Schema problems of the packages (an empty list when every part is valid). */
export function validatePackages(files: readonly string[]): { packages: number; problems: SchemaProblem[] } {
  let out: string;
  try {
    out = execFileSync(pythonWithLxml(), [SCRIPT, '--json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    // Exit status 1 means problems were found; they are on stdout like a success.
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    out = stdout;
  }
  return JSON.parse(out) as { packages: number; problems: SchemaProblem[] };
}
