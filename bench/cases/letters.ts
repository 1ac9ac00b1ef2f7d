// 答复函: 1,000 reply letters generated and written, against docxtemplater filling the same
// .docx template in the same run (the goal: no slower than it).
import fs from 'node:fs';
import path from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { EMPTY_PROPOSAL } from '../../electron/common/entities/proposal';
import { openStore, type Store } from '../../db/store';
import { formatChineseDate } from '../../electron/common/domain/dates';
import { numberForTitle } from '../../electron/common/domain/proposal-number';
import type { Session } from '../../electron/common/domain/session';
import type { ResultCode } from '../../electron/common/domain/result-classes';
import { loadDocumentSettings } from '../../electron/node/documents/document-settings';
import { generateLetters } from '../../electron/node/documents/generate/letters';
import { renderTemplate } from '../../electron/node/documents/generate/render-template';
import { poolSize } from '../../electron/node/documents/generate/letter-pool';
import { writeFileAtomic } from '../../electron/node/files/atomic-write';
import { letterFileName, numberWidth } from '../../electron/node/documents/generate/file-names';
import { resolveTemplate } from '../../electron/node/documents/template/library';
import { median, time, TODAY, type BenchResult } from '../harness';

// A reply as clerks write them: five paragraphs, about 800 characters.
const LETTER_TEXT = [
  '您提出的关于加强老旧小区综合改造和停车设施建设的建议收悉。我局高度重视，将其列为年度重点办理事项，由主要负责同志牵头，会同区住房和城乡建设局、区交通运输局、区城市管理局等单位组成工作专班，先后三次赴相关街道和社区实地调研，召开座谈会听取居民、物业企业和社区工作者的意见，并与您电话沟通办理思路。现将办理情况答复如下。',
  '一是摸清底数，科学编制改造计划。我局组织专业力量对全区二〇〇〇年以前建成的老旧小区逐一开展调查，建立问题清单和项目库，按照先急后缓、先民生后提升的原则，将您提出的片区纳入今年改造计划，重点解决屋面漏水、管网老化、道路破损和消防通道不畅等突出问题，计划年底前全部完工并组织验收，验收结果向社会公开、接受群众监督。',
  '二是挖潜扩容，多渠道增加停车泊位。结合片区改造，统筹利用边角空地、闲置厂房和道路两侧空间，新建和改建停车泊位四百余个；推动周边机关企事业单位停车场在夜间和节假日向居民错时开放，已签订共享协议十二份，新增共享泊位三百余个；同步规划建设充电设施，满足新能源汽车充电需求，方便群众就近停放，缓解停车难问题。',
  '三是完善机制，巩固长效管理成果。指导街道和社区建立由居民代表、物业企业和业主委员会共同参与的议事协商机制，将改造方案、停车收费标准和日常管理办法交由居民讨论决定；督促物业企业落实巡查和维护责任，把改造后的设施纳入日常养护范围，防止出现重建轻管、反复治理的问题，切实让改造成果长期惠及居民，不断增强群众的获得感。',
  '下一步，我局将继续加强与相关部门的协调配合，加大资金投入和政策支持力度，及时总结推广试点经验，持续跟踪改造进度和停车管理成效，定期向您通报办理情况。衷心感谢您对我区城市建设和管理工作的关心和支持，欢迎继续提出宝贵意见和建议，我们将认真研究吸纳，不断改进和提升工作水平，努力让群众满意。',
].join('\n');
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
    you: '{you}',
    proposal: { title: '{proposalTitle}', numberPlain: '{numberPlain}' },
    complete: true,
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
  const width = numberWidth(store.proposals.numbers(session.id));
  return store.proposals.ledger(session.id).map((p) => {
    const unit = units.get(p.leadUnit)!;
    const fileName = letterFileName(p.number, p.title, '', width);
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
        you: '您',
        proposalTitle: p.title,
        numberPlain: numberForTitle(p.number),
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

export async function benchLetters(work: string): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
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
  return results;
}
