// The layer rules and the promise rules are enforced, not only written down: a file breaking
// each of them is refused by the project's ESLint configuration.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const probes: string[] = [];
afterAll(() => {
  for (const file of probes) fs.rmSync(file, { force: true });
});

async function lint(file: string, code: string): Promise<string[]> {
  fs.writeFileSync(file, code);
  probes.push(file);
  const [result] = await new ESLint({ cwd: path.resolve('.'), ignore: false }).lintFiles([file]);
  return result!.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('the lint rules', () => {
  it('keep Node, the database and the services out of electron/common', async () => {
    const messages = await lint(
      'electron/common/lint-probe.ts',
      "import fs from 'node:fs';\nimport Database from 'better-sqlite3';\nimport type { Store } from '../../db/store';\nimport { dispatch } from '../node/api/dispatch';\nexport const x = [fs, Database, dispatch] as unknown as Store;\n",
    );
    expect(messages.filter((m) => m.startsWith('no-restricted-imports'))).toHaveLength(4);
  }, 60_000);

  it('keep the renderer to electron/common, and floating promises out', async () => {
    const messages = await lint(
      'renderer/src/lint-probe.ts',
      "import { dispatch } from '../../electron/node/api/dispatch';\nimport { terms } from '../../electron/common/domain/terms';\nexport function f() {\n  Promise.resolve(dispatch);\n  return terms;\n}\n",
    );
    expect(messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('electron/node'))).toBe(true);
    expect(messages.some((m) => m.startsWith('@typescript-eslint/no-floating-promises'))).toBe(true);
  }, 60_000);

  it('refuse an import cycle', async () => {
    fs.writeFileSync('electron/common/lint-probe-b.ts', "import { a } from './lint-probe-a';\nexport const b = () => a;\n");
    probes.push('electron/common/lint-probe-b.ts');
    const messages = await lint(
      'electron/common/lint-probe-a.ts',
      "import { b } from './lint-probe-b';\nexport const a = () => b;\n",
    );
    expect(messages.some((m) => m.startsWith('import-x/no-cycle'))).toBe(true);
  }, 60_000);
});
