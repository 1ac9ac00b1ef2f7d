// npm run audit:deps: the known vulnerabilities of what ships (production dependencies only).
// Runs `npm audit --omit=dev --json`, prints every high or critical advisory and fails on any.
// When the advisory service cannot be reached (an intranet registry mirror that answers the
// bulk-advisory endpoint with 405, no network, no JSON) it says so in one line and passes, unless
// AUDIT_REQUIRED=1 is set: then an audit that could not be done fails too.
//
//   node scripts/audit.mjs                  run npm audit
//   node scripts/audit.mjs --input <file>   judge the output of `npm audit --omit=dev --json` recorded earlier
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const FAILING = ['critical', 'high'];
const required = process.env.AUDIT_REQUIRED === '1';

function option(name) {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

/** The audit could not be done: one line, and the exit code AUDIT_REQUIRED asks for. */
function unavailable(reason) {
  console.log(
    `依赖安全审计未能进行：${reason}。${required ? '已设置 AUDIT_REQUIRED=1，按失败处理。' : '不算失败（必须审计时设置 AUDIT_REQUIRED=1）。'}`,
  );
  return required ? 1 : 0;
}

function npmAudit() {
  const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    shell: process.platform === 'win32',
  });
  if (result.error) return { error: `无法运行 npm：${result.error.message}` };
  const stderr = String(result.stderr ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/Unknown user config/.test(line));
  return {
    stdout: result.stdout ?? '',
    status: result.status,
    stderr: stderr.find((l) => /error|ERR/i.test(l)) ?? stderr[0] ?? '',
  };
}

/** Why npm could not produce a report, from the error object it prints as JSON. */
function errorReason(report) {
  const error = report.error && typeof report.error === 'object' ? report.error : {};
  const parts = [
    report.statusCode ? `HTTP ${report.statusCode}` : '',
    error.code ?? report.code ?? '',
    report.message || error.summary || error.detail || '',
  ].filter(Boolean);
  return parts.length ? `漏洞库服务没有给出结果（${parts.join('，').replace(/\s+/g, ' ')}）` : '漏洞库服务没有给出结果';
}

function advisoryLines(vulnerability) {
  const lines = [];
  for (const via of vulnerability.via ?? []) {
    if (typeof via === 'string') lines.push(`    经由 ${via}`);
    else if (via && typeof via === 'object')
      lines.push(
        `    ${via.severity ?? ''} ${via.title ?? ''}（${via.name ?? ''} ${via.range ?? ''}）${via.url ? ` ${via.url}` : ''}`,
      );
  }
  const fix = vulnerability.fixAvailable;
  if (fix === false) lines.push('    暂无修复版本');
  else if (fix && typeof fix === 'object')
    lines.push(`    修复：升级到 ${fix.name}@${fix.version}${fix.isSemVerMajor ? '（主版本变化）' : ''}`);
  else if (fix === true) lines.push('    修复：npm audit fix');
  return lines;
}

/** Prints the high and critical advisories of a report; the exit code is 1 when there is any. */
function judge(report) {
  const vulnerabilities = Object.values(report.vulnerabilities);
  const failing = vulnerabilities
    .filter((v) => FAILING.includes(v?.severity))
    .sort((a, b) => FAILING.indexOf(a.severity) - FAILING.indexOf(b.severity) || String(a.name).localeCompare(String(b.name)));
  for (const v of failing) {
    console.log(`✗ ${v.severity} ${v.name} ${v.range ?? ''}（${v.isDirect ? '直接依赖' : '间接依赖'}）`);
    for (const line of advisoryLines(v)) console.log(line);
  }
  const counts = report.metadata?.vulnerabilities ?? {};
  const dependencies = report.metadata?.dependencies?.prod ?? report.metadata?.dependencies?.total;
  const summary = ['critical', 'high', 'moderate', 'low', 'info'].map((s) => `${s} ${counts[s] ?? 0}`).join('，');
  console.log(
    `依赖安全审计（随程序发布的${dependencies !== undefined ? ` ${dependencies} 个` : ''}依赖）：${summary}；` +
      (failing.length ? `${failing.length} 个高危或严重漏洞，不通过。` : '没有高危或严重漏洞。'),
  );
  return failing.length ? 1 : 0;
}

function main() {
  const input = option('--input');
  let text;
  let context = '';
  if (input) {
    try {
      text = fs.readFileSync(input, 'utf8');
    } catch (error) {
      console.error(`无法读取 ${input}：${error.message}`);
      return 2;
    }
  } else {
    const run = npmAudit();
    if (run.error) return unavailable(run.error);
    text = run.stdout;
    context = `npm 退出码 ${run.status}${run.stderr ? `：${run.stderr}` : ''}`;
  }
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    return unavailable(`npm audit 没有输出 JSON${context ? `（${context}）` : ''}`);
  }
  if (report && typeof report === 'object' && report.vulnerabilities && typeof report.vulnerabilities === 'object') {
    return judge(report);
  }
  if (report && typeof report === 'object' && (report.error || report.statusCode || report.message)) {
    return unavailable(errorReason(report));
  }
  return unavailable('npm audit 的输出格式无法识别');
}

process.exit(main());
