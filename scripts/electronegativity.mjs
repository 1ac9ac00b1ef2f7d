// npm run lint:electron: Electronegativity (Doyensec's checker for Electron misconfigurations)
// over the app's Electron code and the page it loads. Electronegativity reports findings but
// exits 0, so this script writes its report as JSON to a temporary file, reads it back, prints
// every finding and fails when one is above LOW severity or a file could not be parsed.
//
//   node scripts/electronegativity.mjs                   scan the app's sources
//   node scripts/electronegativity.mjs --input <dir>     scan another folder (the tests' fixtures)
//   node scripts/electronegativity.mjs --report <file>   judge a report written earlier, no scan
//
// A finding that is a false positive is disabled where it occurs, with Electronegativity's own
// comment and a reason on the same line: `// eng-disable CHECK_ID: why this is safe`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What is scanned: the main process and preload (electron/), the page and its code
 * (renderer/index.html with its CSP, renderer/src), and package.json for the Electron version.
 */
const SOURCES = ['electron', 'renderer/index.html', 'renderer/src', 'package.json'];
/**
 * Checks left out. AvailableSecurityFixesGlobalCheck downloads Electron's release list from
 * GitHub; the build runs offline, and outdated dependencies are `npm run audit:deps`'s job.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];
/** Findings of this severity or below are printed but do not fail the build… */
const ALLOWED = 'LOW';
/**
 * …except these, which fail at any severity: Electronegativity reports an explicit
 * `nodeIntegration: true` as INFORMATIONAL only.
 */
const ALWAYS_BLOCKING = ['NODE_INTEGRATION_JS_CHECK', 'NODE_INTEGRATION_HTML_CHECK', 'CONTEXT_ISOLATION_JS_CHECK'];

function option(name) {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

/** A copy of the sources in a temporary folder, so that nothing else in the repository is scanned. */
function stageSources(dir) {
  for (const source of SOURCES) {
    const from = path.join(root, source);
    if (!fs.existsSync(from)) throw new Error(`找不到要检查的源文件：${source}`);
    fs.cpSync(from, path.join(dir, source), { recursive: true });
  }
}

async function scan(input, reportFile) {
  const run = require('@doyensec/electronegativity');
  const { version } = require('@doyensec/electronegativity/package.json');
  const result = await run({
    input,
    isRelative: true,
    customScan: [],
    excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
    parserPlugins: [],
  });
  const report = {
    tool: `electronegativity ${version}`,
    checks: { global: result.globalChecks, atomic: result.atomicChecks },
    errors: result.errors.map((e) => ({ file: path.relative(input, e.file), message: e.message, tolerable: e.tolerable })),
    findings: result.issues.map((issue) => ({
      file: issue.file,
      line: issue.location?.line ?? 0,
      column: issue.location?.column ?? 0,
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      manualReview: Boolean(issue.manualReview),
      description: issue.description,
      sample: issue.sample ?? null,
      url: issue.shortenedURL ?? null,
    })),
  };
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2));
}

/** Prints the report and returns the exit code: 1 when anything is above ALLOWED or unparsed. */
function judge(report) {
  const limit = SEVERITIES.indexOf(ALLOWED);
  let blocking = 0;
  if (!report || !Array.isArray(report.findings) || !Array.isArray(report.errors)) {
    console.error('Electronegativity 的报告格式不对，无法判断。');
    return 1;
  }
  if (!(report.checks?.atomic > 0)) {
    console.error('Electronegativity 没有运行任何检查项，无法判断。');
    return 1;
  }
  for (const error of report.errors) {
    // A file the parser cannot read is a file nobody checked.
    const fatal = !error.tolerable;
    if (fatal) blocking++;
    console.log(`${fatal ? '✗' : '!'} ${error.file}: 无法${fatal ? '' : '完整'}解析：${error.message}`);
  }
  const sorted = [...report.findings].sort(
    (a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || String(a.file).localeCompare(String(b.file)),
  );
  for (const f of sorted) {
    const rank = SEVERITIES.indexOf(f.severity);
    const fails = rank < 0 || rank > limit || ALWAYS_BLOCKING.includes(f.id);
    if (fails) blocking++;
    console.log(
      `${fails ? '✗' : '·'} ${f.file}:${f.line}  ${f.id}  ${f.severity}/${f.confidence}${f.manualReview ? '  (需人工复核)' : ''}  ${f.description}`,
    );
  }
  console.log(
    `Electronegativity（${report.tool ?? ''}，${report.checks.global ?? '?'} 项全局检查、${report.checks.atomic} 项单项检查）：` +
      `${report.findings.length} 条发现，${blocking} 条不通过（高于 ${ALLOWED}，或属于必须修正的检查项）${report.errors.length ? `；解析问题 ${report.errors.length} 个` : ''}。`,
  );
  return blocking > 0 ? 1 : 0;
}

async function main() {
  let reportFile = option('--report');
  if (!reportFile) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
    reportFile = path.join(dir, 'report.json');
    let input = option('--input');
    if (input) input = path.resolve(input);
    else {
      input = path.join(dir, 'sources');
      stageSources(input);
    }
    try {
      await scan(input, reportFile);
    } finally {
      if (!option('--input')) fs.rmSync(input, { recursive: true, force: true });
    }
    console.log(`报告：${reportFile}`);
  }
  let report;
  try {
    report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  } catch (error) {
    console.error(`无法读取 Electronegativity 的报告 ${reportFile}：${error.message}`);
    return 1;
  }
  return judge(report);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Electronegativity 检查没有完成：${error?.stack ?? error}`);
    process.exit(1);
  },
);
