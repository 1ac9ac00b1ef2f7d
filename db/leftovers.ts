import fs from 'node:fs';
import path from 'node:path';

/**
 * The files a write leaves behind when its process is killed half-way (power cut, task
 * manager): a document's temporary file, a backup's partial copy, a restore's staging copy.
 * Their names carry the writer's process id, so that one sweeper can tell a dead writer's
 * leftovers from a running one's. Used by the document writer (electron/node/files) and by the
 * backups here; it lives in db/ because db may not import the services built on it.
 */

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the files of `dir` whose name matches `pattern` (its first group: the writer's process
 * id) and whose writer is gone. A file that cannot be removed stays. Returns the names removed.
 */
export function removeLeftovers(dir: string, pattern: RegExp): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match || processAlive(Number(match[1]))) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // Not ours to insist on: a file we cannot remove stays.
    }
  }
  return removed;
}
