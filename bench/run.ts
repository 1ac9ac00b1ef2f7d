// npm run bench: the speed goals of the project, measured on this machine.
// Each case builds its own data in a temporary folder, warms up, then reports the median.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Docxtemplater from 'docxtemplater';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { EMPTY_PROPOSAL } from '../electron/common/entities/proposal';
import { openStore, type Store } from '../db/store';
import { formatChineseDate } from '../electron/common/domain/dates';
import { numberForTitle } from '../electron/common/domain/proposal-number';
import type { Session } from '../electron/common/domain/session';
import { loadDocumentSettings } from '../electron/node/documents/document-settings';
import { generateLetters } from '../electron/node/documents/generate/letters';
import { generateReport } from '../electron/node/documents/generate/report';
import { renderTemplate } from '../electron/node/documents/generate/render-template';
import { poolSize } from '../electron/node/documents/generate/letter-pool';
import { writeFileAtomic } from '../electron/node/files/atomic-write';
import { letterFileName } from '../electron/node/documents/generate/file-names';
import { resolveTemplate } from '../electron/node/documents/template/library';
import { importLedgerFile } from '../electron/node/ledger/import-ledger';
import { CANONICAL_HEADERS, LEDGER_FIELDS } from '../electron/common/ledger/columns';
import { sessionStatistics } from '../electron/node/stats/session-statistics';
import { startWeb } from '../electron/node/web/main';
import { createHandlers } from '../electron/node/api/handlers';
import { dispatch } from '../electron/node/api/dispatch';
import { benchCheck } from './check';
import type { ProposalDetail } from '../electron/common/api/contract';
import { launchChromium } from '../test/helpers/chromium';
import type { ResultCode } from '../electron/common/domain/result-classes';

interface Result {
  name: string;
  goalMs: number;
  medianMs: number;
  runs: number[];
  note: string;
}

const results: Result[] = [];
const REPLY_TEXT = '您提出的建议收悉，现将办理情况答复如下。'.repeat(80);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jianyi-bench-'));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** A session of `count` proposals with categories, units, deadlines, results and feedback. */
async function statisticsSession(store: Store, count: number): Promise<{ session: Session; built: number }> {
  const categories = ['经济发展', '城市建设与管理', '社会事业', '民生保障', '公共安全与交通'];
  const session = store.sessions.create({ name: '基准会议', year: 2024, categories, settings: { feedbackScale: 'three' } });
  const categoryIds = store.sessions.categories(session.id).map((c) => c.id);
  const unitIds = [...store.units.ensure(Array.from({ length: 40 }, (_, i) => `单位${i + 1}`)).values()];
  const codes: (ResultCode | null)[] = ['A', 'A', 'A', 'A', 'A', 'A', 'B', 'C', 'D', null];
  const feedback = ['满意', '满意', '满意', '满意', '基本满意', '不满意', '未表态', null];
  const built = await time(() =>
    store.transaction(() => {
      for (let i = 1; i <= count; i++) {
        const answered = i % 10 !== 0;
        const id = store.proposals.insert(session.id, {
          ...EMPTY_PROPOSAL,
          number: String(i),
          title: `关于第${i}项工作的建议`,
          categoryId: categoryIds[i % categoryIds.length]!,
          assignedDate: `2024-03-${String((i % 28) + 1).padStart(2, '0')}`,
          deadline: i % 17 === 0 ? '2024-09-30' : null,
          replyDate: answered ? `2024-0${4 + (i % 4)}-${String((i % 27) + 1).padStart(2, '0')}` : null,
          resultCode: answered ? codes[i % 9]! : null,
          published: i % 7 !== 0,
          met: i % 11 !== 0,
          closed: answered && i % 5 !== 0,
          feedback: answered ? feedback[i % feedback.length]! : null,
          // Real rows carry multi-paragraph replies: the statistics must not read them.
          replyText: answered ? REPLY_TEXT : '',
        });
        store.proposals.setPeopleAndUnits(id, {
          leadDeputies: [],
          coDeputies: [],
          leadUnit: unitIds[i % unitIds.length]!,
          coUnits: i % 3 === 0 ? [unitIds[(i + 7) % unitIds.length]!] : [],
        });
      }
    }),
  );
  return { session: store.sessions.get(session.id), built };
}

async function benchStatistics(): Promise<void> {
  const count = 100_000;
  const store = await openStore(path.join(work, 'stats.db'), { actor: 'bench' });
  const { session: current, built } = await statisticsSession(store, count);
  sessionStatistics(store, current, '2024-12-01'); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) runs.push(await time(() => sessionStatistics(store, current, '2024-12-01')));
  const stats = sessionStatistics(store, current, '2024-12-01');
  results.push({
    name: `统计：一届会议 ${count.toLocaleString('en-US')} 件（含承办单位、期限）`,
    goalMs: 100,
    medianMs: median(runs),
    runs,
    note: `造数 ${Math.round(built)} ms；共 ${stats.total} 件，${stats.byUnit.length} 个单位`,
  });
  store.close();
}

async function ledgerFile(rows: number, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(LEDGER_FIELDS.map((f) => CANONICAL_HEADERS[f]));
  const results = ['解决采纳', '正在解决', '计划解决', '留作参考'];
  for (let i = 1; i <= rows; i++) {
    sheet.addRow([
      String(i).padStart(4, '0'),
      `关于加强第${i}片区老旧小区综合改造和停车设施建设的建议`,
      `代表${i % 300}`,
      i % 3 === 0 ? `代表${(i + 1) % 300}、代表${(i + 2) % 300}` : null,
      `第${i % 8}代表团`,
      ['经济发展', '城市建设与管理', '社会事业', '民生保障', '公共安全与交通'][i % 5],
      `单位${i % 40}`,
      i % 2 ? `单位${(i + 3) % 40}，单位${(i + 5) % 40}` : null,
      new Date(Date.UTC(2024, 2, (i % 20) + 1)),
      null,
      `2024-5-${(i % 28) + 1}`,
      results[i % 4],
      i % 5 ? '是' : '否',
      '√',
      ['满意', '基本满意', '满意', '未表态'][i % 4],
      '是',
      i % 9 ? '否' : '是',
      null,
      i % 13 ? null : '经批准延期',
    ]);
  }
  await workbook.xlsx.writeFile(file);
}

async function benchImport(): Promise<void> {
  const rows = 5_000;
  const file = path.join(work, '台账5000.xlsx');
  await ledgerFile(rows, file);
  const runs: number[] = [];
  for (let i = 0; i < 4; i++) {
    const store = await openStore(path.join(work, `import-${i}.db`), { actor: 'bench' });
    const ms = await time(async () => {
      const report = await importLedgerFile(store, file, { sessionName: '基准会议', year: 2024 });
      if (!report.committed || report.counts.insert !== rows)
        throw new Error(`import failed: ${report.errors.slice(0, 3).join('; ')}`);
    });
    if (i > 0) runs.push(ms); // the first run warms up the JIT and the file cache
    store.close();
  }
  results.push({
    name: `导入：${rows.toLocaleString('en-US')} 行 .xlsx 台账（读取、校验、写入）`,
    goalMs: 3000,
    medianMs: median(runs),
    runs,
    note: `文件 ${(fs.statSync(file).size / 1024).toFixed(0)} KB`,
  });
}

// A reply as clerks write them: five paragraphs, about 800 characters.
const LETTER_TEXT = [
  '您提出的关于加强老旧小区综合改造和停车设施建设的建议收悉。我局高度重视，将其列为年度重点办理事项，由主要负责同志牵头，会同区住房和城乡建设局、区交通运输局、区城市管理局等单位组成工作专班，先后三次赴相关街道和社区实地调研，召开座谈会听取居民、物业企业和社区工作者的意见，并与您电话沟通办理思路。现将办理情况答复如下。',
  '一是摸清底数，科学编制改造计划。我局组织专业力量对全区二〇〇〇年以前建成的老旧小区逐一开展调查，建立问题清单和项目库，按照先急后缓、先民生后提升的原则，将您提出的片区纳入今年改造计划，重点解决屋面漏水、管网老化、道路破损和消防通道不畅等突出问题，计划年底前全部完工并组织验收，验收结果向社会公开、接受群众监督。',
  '二是挖潜扩容，多渠道增加停车泊位。结合片区改造，统筹利用边角空地、闲置厂房和道路两侧空间，新建和改建停车泊位四百余个；推动周边机关企事业单位停车场在夜间和节假日向居民错时开放，已签订共享协议十二份，新增共享泊位三百余个；同步规划建设充电设施，满足新能源汽车充电需求，方便群众就近停放，缓解停车难问题。',
  '三是完善机制，巩固长效管理成果。指导街道和社区建立由居民代表、物业企业和业主委员会共同参与的议事协商机制，将改造方案、停车收费标准和日常管理办法交由居民讨论决定；督促物业企业落实巡查和维护责任，把改造后的设施纳入日常养护范围，防止出现重建轻管、反复治理的问题，切实让改造成果长期惠及居民，不断增强群众的获得感。',
  '下一步，我局将继续加强与相关部门的协调配合，加大资金投入和政策支持力度，及时总结推广试点经验，持续跟踪改造进度和停车管理成效，定期向您通报办理情况。衷心感谢您对我区城市建设和管理工作的关心和支持，欢迎继续提出宝贵意见和建议，我们将认真研究吸纳，不断改进和提升工作水平，努力让群众满意。',
].join('\n');
const TODAY = '2024-12-01';
const TEMPLATER_OPTIONS = { paragraphLoop: true, linebreaks: true };

/** A session of `count` answered proposals, each with a lead unit (with letterhead), a lead deputy and a reply. */
async function letterSession(store: Store, count: number): Promise<Session> {
  const session = store.sessions.create({
    name: '基准区九届人大三次会议',
    year: 2024,
    categories: ['城市建设与管理'],
    settings: { issuingBody: '基准区人民政府' },
  });
  const categoryId = store.sessions.categories(session.id)[0]!.id;
  const unitIds = [...store.units.ensure(Array.from({ length: 20 }, (_, i) => `第${i + 1}局`)).values()];
  unitIds.forEach((id, i) =>
    store.units.updateLetterhead(id, {
      fullName: `基准区第${i + 1}局`,
      docPrefix: `基${i + 1}函`,
      contactPerson: `联系人${i + 1}`,
      contactPhone: `5${String(i).padStart(3, '0')}1234`,
      copyTo: '区人大常委会代表工作委员会，区人民政府办公室',
    }),
  );
  const names = Array.from(
    { length: 100 },
    (_, i) =>
      '王李张刘陈杨赵黄周吴'[i % 10]! +
      ['建国', '秀英', '志强', '丽华', '海燕', '文军', '晓明', '玉兰', '国庆', '春梅'][Math.floor(i / 10)]!,
  );
  const deputyIds = [...store.deputies.ensure(names).values()];
  const codes: ResultCode[] = ['A', 'A', 'A', 'A', 'A', 'A', 'B', 'C', 'D'];
  store.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const id = store.proposals.insert(session.id, {
        ...EMPTY_PROPOSAL,
        number: String(i),
        title: `关于加强第${i}片区老旧小区综合改造和停车设施建设的建议`,
        categoryId,
        assignedDate: '2024-03-15',
        replyDate: `2024-0${5 + (i % 4)}-${String((i % 27) + 1).padStart(2, '0')}`,
        replyNumber: `基${(i % unitIds.length) + 1}函〔2024〕${i}号`,
        resultCode: codes[i % codes.length]!,
        replyText: LETTER_TEXT,
      });
      store.proposals.setPeopleAndUnits(id, {
        leadDeputies: [deputyIds[i % deputyIds.length]!],
        coDeputies: [],
        leadUnit: unitIds[i % unitIds.length]!,
        coUnits: [],
      });
    }
  });
  return store.sessions.get(session.id);
}

/**
 * The docxtemplater template equivalent to our built-in reply letter: the letter our pipeline
 * draws when every text of the data is the docxtemplater tag of that field (the reply a loop
 * over its paragraphs), so both sides produce the same parts, styles and paragraphs. (Only the
 * signature's right indent differs: our renderer centres the unit over the printed date.)
 */
async function templaterTemplate(store: Store): Promise<Buffer> {
  const tags = {
    options: { decimals: 1 },
    session: { name: '{sessionName}' },
    itemTitle: '{itemTitle}',
    addressee: '{addressee}',
    unit: { fullName: '{unitFullName}' },
    replyNumber: '{replyNumber}',
    mark: '{mark}',
    replyText: ['{#paragraphs}', '{text}', '{/paragraphs}'].join('\n'),
    letterDate: '{date}',
    contact: { person: '{contactPerson}', phone: '{contactPhone}' },
    copyTo: '{copyTo}',
  };
  const template = resolveTemplate(store, undefined, 'reply-letter');
  const bytes = await renderTemplate(template, tags, loadDocumentSettings(store), '{title}');
  new Docxtemplater(new PizZip(bytes), TEMPLATER_OPTIONS); // throws on a tag it does not accept
  return bytes;
}

/** What docxtemplater is given for one letter: the same fields our letter context prints. */
function templaterData(store: Store, session: Session) {
  const settings = loadDocumentSettings(store);
  const units = new Map(store.units.list().map((u) => [u.name, u]));
  return store.proposals.ledger(session.id).map((p) => {
    const unit = units.get(p.leadUnit)!;
    const fileName = letterFileName(p.number, p.title);
    return {
      fileName,
      data: {
        title: fileName.replace(/\.docx$/, ''),
        unitFullName: unit.fullName || p.leadUnit,
        replyNumber: p.replyNumber,
        mark: p.resultCode ? settings.markLabels[p.resultCode] : '',
        sessionName: session.name,
        itemTitle: `第${numberForTitle(p.number)}号代表建议`,
        addressee: `${p.leadDeputies.join('、')}代表`,
        paragraphs: p.replyText
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .map((text) => ({ text })),
        date: formatChineseDate(p.replyDate ?? TODAY),
        contactPerson: p.contactPerson || unit.contactPerson,
        contactPhone: p.contactPhone || unit.contactPhone,
        copyTo: unit.copyTo,
      },
    };
  });
}

function documentText(file: string): string {
  return new PizZip(fs.readFileSync(file)).file('word/document.xml')!.asText();
}

async function benchLetters(): Promise<void> {
  const count = 1_000;
  const store = await openStore(path.join(work, 'letters.db'), { actor: 'bench' });
  const session = await letterSession(store, count);
  const templateBytes = await templaterTemplate(store);
  let folders = 0;
  const ours = async (): Promise<number> => {
    const outDir = path.join(work, `letters-${folders++}`);
    const ms = await time(async () => {
      const result = await generateLetters(store, { session, outDir, createFolder: true, kind: 'reply-letter', today: TODAY });
      if (result.files.length !== count || result.warnings.length)
        throw new Error(`letters: ${result.files.length} files, ${result.warnings[0] ?? ''}`);
    });
    fs.rmSync(outDir, { recursive: true });
    return ms;
  };
  const theirs = async (): Promise<number> => {
    const outDir = path.join(work, `letters-${folders++}`);
    const ms = await time(async () => {
      fs.mkdirSync(outDir);
      for (const { fileName, data } of templaterData(store, session)) {
        const doc = new Docxtemplater(new PizZip(templateBytes), TEMPLATER_OPTIONS);
        doc.render(data);
        // Written the way ours are (temporary file, fsync, rename): the comparison is of making
        // the documents, not of two durability policies.
        await writeFileAtomic(path.join(outDir, fileName), doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
      }
    });
    fs.rmSync(outDir, { recursive: true });
    return ms;
  };

  // Both sides print the same letter: checked once on the first proposal, outside the timing.
  const check = path.join(work, 'letters-check');
  await generateLetters(store, { session, outDir: check, createFolder: true, kind: 'reply-letter', today: TODAY, only: ['1'] });
  const [first] = templaterData(store, session);
  const doc = new Docxtemplater(new PizZip(templateBytes), TEMPLATER_OPTIONS).render(first!.data);
  fs.writeFileSync(path.join(check, 'docxtemplater.docx'), doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const ourText = documentText(path.join(check, first!.fileName));
  const theirText = documentText(path.join(check, 'docxtemplater.docx'));
  for (const text of [...LETTER_TEXT.split('\n'), first!.data.addressee, first!.data.date, first!.data.itemTitle]) {
    if (!ourText.includes(text) || !theirText.includes(text)) throw new Error(`letters differ: ${text}`);
  }
  const filled = new PizZip(fs.readFileSync(path.join(check, 'docxtemplater.docx')));
  for (const part of filled.file(/\.xml$/)) {
    if (/\{[#/]?[a-zA-Z]+\}/.test(part.asText())) throw new Error(`docxtemplater left a tag in ${part.name}`);
  }
  const sizes = [fs.statSync(path.join(check, first!.fileName)).size, fs.statSync(path.join(check, 'docxtemplater.docx')).size];

  await ours(); // warm-up
  await theirs();
  const ourRuns: number[] = [];
  const theirRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    ourRuns.push(await ours());
    theirRuns.push(await theirs());
  }
  const ourMedian = median(ourRuns);
  const theirMedian = median(theirRuns);
  results.push({
    name: `答复函：${count.toLocaleString('en-US')} 份生成并写入（不慢于 docxtemplater 填充同样的 .docx 模板）`,
    goalMs: Math.round(theirMedian), // the goal: no slower than docxtemplater, measured in the same run
    medianMs: ourMedian,
    runs: ourRuns,
    note:
      `每份 ${(ourMedian / count).toFixed(2)} ms；docxtemplater 中位数 ${theirMedian.toFixed(1)} ms（各次 ${theirRuns.map((x) => x.toFixed(0)).join('/')} ms，每份 ${(theirMedian / count).toFixed(2)} ms）；` +
      `用时比 ${(ourMedian / theirMedian).toFixed(2)}；单份 ${(sizes[0]! / 1024).toFixed(1)} KB 对 ${(sizes[1]! / 1024).toFixed(1)} KB；` +
      `两边都逐个原子写入（临时文件、fsync、改名）；我方用 ${poolSize(count)} 个工作线程`,
  });
  store.close();
}

async function benchReport(): Promise<void> {
  const count = 10_000;
  const store = await openStore(path.join(work, 'report.db'), { actor: 'bench' });
  const { session, built } = await statisticsSession(store, count);
  const out = path.join(work, '办理情况报告.docx');
  await generateReport(store, { session, out, today: TODAY, overwrite: true }); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(await time(() => generateReport(store, { session, out, today: TODAY, overwrite: true })));
  results.push({
    name: `报告：一届会议 ${count.toLocaleString('en-US')} 件的年度办理情况报告（统计、填充、生成并写入 .docx）`,
    goalMs: 1000,
    medianMs: median(runs),
    runs,
    note: `造数 ${Math.round(built)} ms；文件 ${(fs.statSync(out).size / 1024).toFixed(0)} KB`,
  });
  store.close();
}

async function benchProposalsScreen(): Promise<void> {
  const count = 10_000;
  const dbFile = path.join(work, 'ui.db');
  const store = await openStore(dbFile, { actor: 'bench' });
  const { session } = await statisticsSession(store, count);
  store.close();
  const server = await startWeb({ db: dbFile, port: 0, today: () => '2024-12-01' });
  const browser = await launchChromium();
  const paints: number[] = [];
  const filters: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.addInitScript((id: number) => {
      const localStorage = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage;
      localStorage.setItem('sessionId', String(id));
      localStorage.setItem('screen', 'sessions');
    }, session.id);
    await page.goto(server.url);
    await page.getByTestId('nav-proposals').waitFor();
    for (let i = 0; i < 6; i++) {
      await page.getByTestId('nav-sessions').click();
      await page.getByTestId('save-session').waitFor();
      const start = performance.now();
      await page.getByTestId('nav-proposals').click();
      await page.getByText('关于第1项工作的建议', { exact: true }).waitFor();
      paints.push(performance.now() - start);
      const search = page.getByPlaceholder('搜索标题、代表、单位、建议号');
      const filterStart = performance.now();
      await search.fill(`第${1234 + i}项`);
      await page.getByText(`共 1 条`, { exact: true }).waitFor();
      filters.push(performance.now() - filterStart);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const assets = path.join('dist', 'renderer', 'assets');
  const bundle = fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + fs.statSync(path.join(assets, f)).size, 0);
  const gzip = fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(assets, f))).length, 0);
  const note = `界面生产包 ${(bundle / 1024).toFixed(0)} KB（gzip ${(gzip / 1024).toFixed(0)} KB）`;
  // What the main process spends reading the list (the UI fetches it when the session is chosen).
  const reading = await openStore(dbFile, { actor: 'bench' });
  const handlers = createHandlers({ store: reading, databaseFile: dbFile, today: () => '2024-12-01', version: 'bench' });
  const fetches: number[] = [];
  for (let i = 0; i < 5; i++) fetches.push(await time(() => handlers['proposals.list']({ sessionId: session.id })));
  reading.close();
  results.push({
    name: `建议表：${count.toLocaleString('en-US')} 条，切换到该页到表格显示`,
    goalMs: 300,
    medianMs: median(paints.slice(1)),
    runs: paints.slice(1),
    note: `${note}；数据在选定会议时预取，主进程读取 ${count} 条用 ${median(fetches).toFixed(0)} ms`,
  });
  results.push({
    name: `建议表：${count.toLocaleString('en-US')} 条中搜索筛选`,
    goalMs: 300,
    medianMs: median(filters.slice(1)),
    runs: filters.slice(1),
    note: 'Chromium，搜索框输入到结果显示',
  });
}

/** Opening one proposal in the editor and saving it, in a session of 10,000, through the API. */
async function benchProposalEditor(): Promise<void> {
  const count = 10_000;
  const store = await openStore(path.join(work, 'editor.db'), { actor: 'bench' });
  const { session } = await statisticsSession(store, count);
  const handlers = createHandlers({
    store,
    databaseFile: path.join(work, 'editor.db'),
    today: () => '2024-12-01',
    version: 'bench',
  });
  const ids = store.proposals.summaries(session.id).map((p) => p.id);
  const opens: number[] = [];
  const saves: number[] = [];
  for (let i = 0; i < 21; i++) {
    const id = ids[(i * 487) % ids.length]!;
    let version = 0;
    opens.push(
      await time(async () => {
        const opened = await dispatch(handlers, 'proposals.get', { id });
        if (!opened.ok) throw new Error(opened.error.message);
        version = (opened.value as ProposalDetail).proposal.version;
      }),
    );
    saves.push(
      await time(async () => {
        const saved = await dispatch(handlers, 'proposals.update', {
          id,
          version,
          fields: { notes: `第${i}次保存`, replyDate: '2024-06-30' },
        });
        if (!saved.ok) throw new Error(saved.error.message);
      }),
    );
  }
  results.push({
    name: `编辑：${count.toLocaleString('en-US')} 件的会议里打开一件建议`,
    goalMs: 20,
    medianMs: median(opens.slice(1)),
    runs: opens.slice(1),
    note: '接口 proposals.get（建议、办理记录、面商、跟踪事项、修改记录）',
  });
  results.push({
    name: `编辑：${count.toLocaleString('en-US')} 件的会议里保存一件建议`,
    goalMs: 20,
    medianMs: median(saves.slice(1)),
    runs: saves.slice(1),
    note: '接口 proposals.update（版本检查、校验、写入、修改记录，返回保存后的内容）',
  });
  store.close();
}

// `npm run bench -- letters report` runs only the cases named.
const only = process.argv.slice(2);
const cases: [string, () => Promise<void>][] = [
  ['stats', benchStatistics],
  ['import', benchImport],
  ['letters', benchLetters],
  ['report', benchReport],
  ['ui', benchProposalsScreen],
  ['editor', benchProposalEditor],
  [
    'check',
    async () => {
      results.push(...(await benchCheck()));
    },
  ],
];
for (const [name, run] of cases) if (only.length === 0 || only.includes(name)) await run();
fs.rmSync(work, { recursive: true, force: true });

console.log(`建议办理助手 基准测试（Node ${process.version}，${os.cpus().length} 核，${os.cpus()[0]?.model ?? ''}）\n`);
for (const r of results) {
  const ok = r.medianMs <= r.goalMs;
  console.log(`${ok ? '达标  ' : '未达标'} ${r.name}`);
  console.log(
    `       中位数 ${r.medianMs.toFixed(1)} ms（目标 ≤ ${r.goalMs} ms）；各次 ${r.runs.map((x) => x.toFixed(0)).join('/')} ms；${r.note}`,
  );
}
process.exitCode = results.every((r) => r.medianMs <= r.goalMs) ? 0 : 1;
