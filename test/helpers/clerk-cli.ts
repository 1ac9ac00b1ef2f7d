import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Running the command line as an ordinary user (tests run as root ignore file permissions, so
 * the read-only tests switch to `nobody`). A clone may sit in a folder others cannot enter (a
 * fresh clone under /root is 0700): then the built CLI, the templates and the packages it loads
 * are copied once to a folder everyone can read, and that copy is run.
 */

export const asRoot = process.getuid?.() === 0;
export const NOBODY = 65534;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function readableByNobody(file: string): boolean {
  const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(file)}, 4)`], {
    uid: NOBODY,
    gid: NOBODY,
    encoding: 'utf8',
  });
  return probe.status === 0;
}

/** The packages a bundle imports, and every package they depend on. */
function packageClosure(bundles: string[]): string[] {
  const wanted = new Set<string>();
  const queue: string[] = [];
  for (const bundle of bundles) {
    const code = fs.readFileSync(bundle, 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["']([^"'./][^"']*)["']/g)) {
      const spec = m[1]!;
      if (spec.startsWith('node:')) continue;
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      queue.push(name);
    }
  }
  while (queue.length) {
    const name = queue.pop()!;
    if (wanted.has(name)) continue;
    const manifest = path.join(ROOT, 'node_modules', name, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    wanted.add(name);
    // Its own dependencies, and those of the copies nested in its node_modules (which are
    // copied with it but may need hoisted packages).
    const manifests = [manifest];
    const nested = path.join(ROOT, 'node_modules', name, 'node_modules');
    if (fs.existsSync(nested)) {
      for (const entry of fs.readdirSync(nested)) {
        const names = entry.startsWith('@') ? fs.readdirSync(path.join(nested, entry)).map((n) => `${entry}/${n}`) : [entry];
        for (const n of names)
          if (fs.existsSync(path.join(nested, n, 'package.json'))) manifests.push(path.join(nested, n, 'package.json'));
      }
    }
    for (const file of manifests) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { dependencies?: Record<string, string> };
      queue.push(...Object.keys(pkg.dependencies ?? {}));
    }
  }
  return [...wanted];
}

function chmodReadable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chmodReadable(full);
    else if (entry.isFile()) fs.chmodSync(full, fs.statSync(full).mode & 0o111 ? 0o755 : 0o644);
  }
}

let cached: { cli: string | null; reason: string | null } | null = null;

/**
 * The CLI entry an ordinary user can run, or null with the reason when it cannot be arranged
 * (then the caller skips only its assertion about permissions, saying why).
 */
export function clerkCli(): { cli: string | null; reason: string | null } {
  if (cached) return cached;
  const cli = path.join(ROOT, 'bin', 'jianyi.js');
  if (!asRoot) return (cached = { cli, reason: null });
  const nodeRuns = spawnSync(process.execPath, ['-e', '0'], { uid: NOBODY, gid: NOBODY });
  if (nodeRuns.status !== 0) {
    return (cached = { cli: null, reason: `普通用户不能运行 ${process.execPath}，跳过以普通用户身份运行的检查` });
  }
  const sqlite = path.join(ROOT, 'node_modules', 'better-sqlite3', 'package.json');
  if (readableByNobody(cli) && readableByNobody(sqlite) && readableByNobody(path.join(ROOT, 'templates', 'reply-letter.md'))) {
    return (cached = { cli, reason: null });
  }
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'jianyi-clerk-'));
  process.once('exit', () => fs.rmSync(copy, { recursive: true, force: true }));
  for (const part of ['bin', 'dist', 'templates', 'package.json']) {
    fs.cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true });
  }
  const bundles = ['cli.mjs', 'letter-worker.mjs'].map((b) => path.join(ROOT, 'dist', b)).filter((b) => fs.existsSync(b));
  for (const name of packageClosure(bundles)) {
    fs.cpSync(path.join(ROOT, 'node_modules', name), path.join(copy, 'node_modules', name), {
      recursive: true,
      dereference: true,
    });
  }
  chmodReadable(copy);
  const copied = path.join(copy, 'bin', 'jianyi.js');
  return (cached = readableByNobody(copied)
    ? { cli: copied, reason: null }
    : { cli: null, reason: `普通用户读不到 ${copy}，跳过以普通用户身份运行的检查` });
}
