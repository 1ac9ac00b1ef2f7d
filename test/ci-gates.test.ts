import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/fixtures';

/** The two CI gates of `npm test` that are scripts: Electronegativity and the dependency audit. */

function runScript(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join('scripts', script), ...args], {
    encoding: 'utf8',
    env: { ...process.env, AUDIT_REQUIRED: '', ...env },
    timeout: 120_000,
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

function writeJson(value: unknown): string {
  const file = path.join(tempDir(), 'report.json');
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('npm run lint:electron (Electronegativity)', () => {
  it('fails on an insecure window and on a file it cannot parse, naming each finding', () => {
    const dir = tempDir('insecure-app-');
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'insecure', main: 'main.js', devDependencies: { electron: '^38.8.6' } }),
    );
    fs.writeFileSync(
      path.join(dir, 'main.js'),
      [
        "const { app, BrowserWindow } = require('electron');",
        'app.whenReady().then(() => {',
        '  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });',
        "  win.loadURL('https://example.com/');",
        '});',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(dir, 'broken.ts'), 'const = ;\n');
    const { status, out } = runScript('electronegativity.mjs', ['--input', dir]);
    expect(status, out).toBe(1);
    expect(out).toMatch(/✗ main\.js:3 {2}CONTEXT_ISOLATION_JS_CHECK {2}HIGH\/FIRM/);
    // Reported as INFORMATIONAL by Electronegativity, but failing here all the same.
    expect(out).toMatch(/✗ main\.js:3 {2}NODE_INTEGRATION_JS_CHECK {2}INFORMATIONAL/);
    expect(out).toMatch(/✗ N\/A:0 {2}LIMIT_NAVIGATION_GLOBAL_CHECK {2}HIGH/);
    expect(out).toMatch(/✗ broken\.ts: 无法解析/);
    const reportFile = /报告：(\S+)/.exec(out)?.[1];
    expect(reportFile && JSON.parse(fs.readFileSync(reportFile, 'utf8')).findings.length).toBeGreaterThan(3);
    fs.rmSync(path.dirname(reportFile!), { recursive: true, force: true });
  });

  const finding = (id: string, severity: string, confidence = 'FIRM') => ({
    file: 'electron/electron-main/main.ts',
    line: 12,
    column: 4,
    id,
    severity,
    confidence,
    manualReview: false,
    description: `${id} description`,
    sample: null,
    url: null,
  });
  const report = (findings: unknown[], errors: unknown[] = []) => ({
    tool: 'electronegativity 1.10.3',
    checks: { global: 5, atomic: 36 },
    errors,
    findings,
  });

  it('passes LOW and INFORMATIONAL findings, printing them, and fails anything above', () => {
    const low = [finding('CSP_GLOBAL_CHECK', 'LOW'), finding('ELECTRON_VERSION_JSON_CHECK', 'INFORMATIONAL', 'CERTAIN')];
    const passed = runScript('electronegativity.mjs', ['--report', writeJson(report(low))]);
    expect(passed.status, passed.out).toBe(0);
    expect(passed.out).toContain('· electron/electron-main/main.ts:12  CSP_GLOBAL_CHECK  LOW/FIRM  CSP_GLOBAL_CHECK description');
    expect(passed.out).toContain('2 条发现，0 条不通过');

    const medium = runScript('electronegativity.mjs', [
      '--report',
      writeJson(report([...low, finding('AUXCLICK_JS_CHECK', 'MEDIUM')])),
    ]);
    expect(medium.status).toBe(1);
    expect(medium.out).toContain('✗ electron/electron-main/main.ts:12  AUXCLICK_JS_CHECK  MEDIUM/FIRM');
    expect(medium.out).toContain('3 条发现，1 条不通过');
  });

  it('fails when a file could not be parsed or the report is not one', () => {
    const unparsed = report([], [{ file: 'electron/x.ts', message: 'Unexpected token (1:6)', tolerable: false }]);
    expect(runScript('electronegativity.mjs', ['--report', writeJson(unparsed)]).status).toBe(1);
    const warned = report([], [{ file: 'electron/x.ts', message: 'a tolerable warning', tolerable: true }]);
    expect(runScript('electronegativity.mjs', ['--report', writeJson(warned)]).status).toBe(0);
    expect(
      runScript('electronegativity.mjs', ['--report', writeJson({ ...report([]), checks: { global: 0, atomic: 0 } })]).status,
    ).toBe(1);
    expect(runScript('electronegativity.mjs', ['--report', writeJson({ issues: [] })]).status).toBe(1);
    expect(runScript('electronegativity.mjs', ['--report', writeJson('not json')]).status).toBe(1);
  });
});

/** What `npm audit --omit=dev --json` printed on this machine, whose registry proxy refuses the advisory endpoint. */
const PROXY_405 = {
  message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  method: 'POST',
  uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  headers: { allow: ['GET,HEAD'], 'content-length': ['0'] },
  statusCode: 405,
  body: '',
  error: { summary: '', detail: '' },
};

/** npm audit's report (auditReportVersion 2) with a critical, a high with its dependent, and a moderate. */
const VULNERABLE = {
  auditReportVersion: 2,
  vulnerabilities: {
    json5: {
      name: 'json5',
      severity: 'high',
      isDirect: false,
      via: [
        {
          source: 1096543,
          name: 'json5',
          dependency: 'json5',
          title: 'Prototype Pollution in JSON5 via Parse Method',
          url: 'https://github.com/advisories/GHSA-9c47-m6qq-7p4h',
          severity: 'high',
          cwe: ['CWE-1321'],
          cvss: { score: 7.1, vectorString: 'CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:H/I:L/A:H' },
          range: '<1.0.2',
        },
      ],
      effects: ['loader-utils'],
      range: '<1.0.2',
      nodes: ['node_modules/json5'],
      fixAvailable: true,
    },
    'loader-utils': {
      name: 'loader-utils',
      severity: 'high',
      isDirect: true,
      via: ['json5'],
      effects: [],
      range: '<=1.4.1',
      nodes: ['node_modules/loader-utils'],
      fixAvailable: { name: 'loader-utils', version: '3.2.1', isSemVerMajor: true },
    },
    minimist: {
      name: 'minimist',
      severity: 'critical',
      isDirect: false,
      via: [
        {
          source: 1097678,
          name: 'minimist',
          dependency: 'minimist',
          title: 'Prototype Pollution in minimist',
          url: 'https://github.com/advisories/GHSA-xvch-5gv4-984h',
          severity: 'critical',
          cwe: ['CWE-1321'],
          cvss: { score: 9.8, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
          range: '<0.2.4',
        },
      ],
      effects: [],
      range: '<0.2.4',
      nodes: ['node_modules/minimist'],
      fixAvailable: false,
    },
    semver: {
      name: 'semver',
      severity: 'moderate',
      isDirect: false,
      via: [
        {
          source: 1101088,
          name: 'semver',
          dependency: 'semver',
          title: 'semver vulnerable to Regular Expression Denial of Service',
          url: 'https://github.com/advisories/GHSA-c2qf-rxjj-qqgw',
          severity: 'moderate',
          range: '<5.7.2',
        },
      ],
      effects: [],
      range: '<5.7.2',
      nodes: ['node_modules/semver'],
      fixAvailable: true,
    },
  },
  metadata: {
    vulnerabilities: { info: 0, low: 0, moderate: 1, high: 2, critical: 1, total: 4 },
    dependencies: { prod: 180, dev: 700, optional: 40, peer: 0, peerOptional: 0, total: 900 },
  },
};

describe('npm run audit:deps', () => {
  it('prints the high and critical advisories of what ships and fails', () => {
    const { status, out } = runScript('audit.mjs', ['--input', writeJson(VULNERABLE)]);
    expect(status, out).toBe(1);
    const lines = out.split('\n');
    const failing = lines.filter((l) => l.startsWith('✗'));
    expect(failing).toEqual([
      '✗ critical minimist <0.2.4（间接依赖）',
      '✗ high json5 <1.0.2（间接依赖）',
      '✗ high loader-utils <=1.4.1（直接依赖）',
    ]);
    expect(out).toContain(
      'critical Prototype Pollution in minimist（minimist <0.2.4） https://github.com/advisories/GHSA-xvch-5gv4-984h',
    );
    expect(out).toContain('暂无修复版本');
    expect(out).toContain('经由 json5');
    expect(out).toContain('修复：升级到 loader-utils@3.2.1（主版本变化）');
    expect(out).not.toContain('GHSA-c2qf-rxjj-qqgw');
    expect(out).toContain('随程序发布的 180 个依赖');
    expect(out).toContain('3 个高危或严重漏洞，不通过');
  });

  it('passes a report with moderate findings only', () => {
    const moderate = { ...VULNERABLE, vulnerabilities: { semver: VULNERABLE.vulnerabilities.semver } };
    const { status, out } = runScript('audit.mjs', ['--input', writeJson(moderate)]);
    expect(status, out).toBe(0);
    expect(out).toContain('没有高危或严重漏洞');
  });

  it('says in one line that the audit could not be done, and fails only when AUDIT_REQUIRED=1', () => {
    const refused = runScript('audit.mjs', ['--input', writeJson(PROXY_405)]);
    expect(refused.status).toBe(0);
    expect(refused.out.trim().split('\n')).toHaveLength(1);
    expect(refused.out).toMatch(/^依赖安全审计未能进行：.*HTTP 405.*advisories\/bulk.*不算失败/);
    const required = runScript('audit.mjs', ['--input', writeJson(PROXY_405)], { AUDIT_REQUIRED: '1' });
    expect(required.status).toBe(1);
    expect(required.out).toMatch(/^依赖安全审计未能进行：.*按失败处理/);

    const offline = {
      message:
        'request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org',
      error: { summary: '', detail: '' },
    };
    expect(runScript('audit.mjs', ['--input', writeJson(offline)]).out).toMatch(/未能进行：.*ENOTFOUND/);
    const noJson = runScript('audit.mjs', ['--input', writeJson('npm ERR! something else')]);
    expect(noJson.status).toBe(0);
    expect(noJson.out).toMatch(/^依赖安全审计未能进行：npm audit 没有输出 JSON/);
    expect(runScript('audit.mjs', ['--input', writeJson('')], { AUDIT_REQUIRED: '1' }).status).toBe(1);
  });
});
