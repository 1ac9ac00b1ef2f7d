import { EMPTY_PROPOSAL } from '../../common/entities/proposal';
import type { Store } from '../../../db/store';
import { addDaysIso, formatChineseDate, type IsoDate } from '../../common/domain/dates';
import type { ResultCode } from '../../common/domain/result-classes';
import type { Session } from '../../common/domain/session';

/**
 * A realistic, made-up district: units, deputies and two years of proposals written by a
 * seeded generator, so that every screen, statistic and document has something true to show.
 * All names are invented.
 */

export const DEMO_DISTRICT = '青川区';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
    weighted: <T>(entries: readonly (readonly [T, number])[]): T => {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let x = next() * total;
      for (const [value, weight] of entries) {
        x -= weight;
        if (x < 0) return value;
      }
      return entries.at(-1)![0];
    },
  };
}
type Random = ReturnType<typeof random>;

interface DemoUnit {
  name: string;
  fullName: string;
  prefix: string;
}

const UNITS: DemoUnit[] = [
  { name: '区发展改革委', fullName: '青川区发展和改革委员会', prefix: '青发改' },
  { name: '区经委', fullName: '青川区经济委员会', prefix: '青经' },
  { name: '区商务委', fullName: '青川区商务委员会', prefix: '青商' },
  { name: '区科委', fullName: '青川区科学技术委员会', prefix: '青科' },
  { name: '区教育局', fullName: '青川区教育局', prefix: '青教' },
  { name: '区民政局', fullName: '青川区民政局', prefix: '青民' },
  { name: '区财政局', fullName: '青川区财政局', prefix: '青财' },
  { name: '区人力资源社会保障局', fullName: '青川区人力资源和社会保障局', prefix: '青人社' },
  { name: '区规划资源局', fullName: '青川区规划和自然资源局', prefix: '青规资' },
  { name: '区生态环境局', fullName: '青川区生态环境局', prefix: '青环' },
  { name: '区建设管理委', fullName: '青川区建设和管理委员会', prefix: '青建' },
  { name: '区交通委', fullName: '青川区交通委员会', prefix: '青交' },
  { name: '区农业农村委', fullName: '青川区农业农村委员会', prefix: '青农' },
  { name: '区水务局', fullName: '青川区水务局', prefix: '青水' },
  { name: '区文化旅游局', fullName: '青川区文化和旅游局', prefix: '青文旅' },
  { name: '区卫生健康委', fullName: '青川区卫生健康委员会', prefix: '青卫' },
  { name: '区市场监管局', fullName: '青川区市场监督管理局', prefix: '青市监' },
  { name: '区绿化市容局', fullName: '青川区绿化和市容管理局', prefix: '青绿容' },
  { name: '区房管局', fullName: '青川区住房保障和房屋管理局', prefix: '青房' },
  { name: '区城管执法局', fullName: '青川区城市管理行政执法局', prefix: '青城管' },
  { name: '区体育局', fullName: '青川区体育局', prefix: '青体' },
  { name: '区退役军人局', fullName: '青川区退役军人事务局', prefix: '青退役' },
  { name: '区医保局', fullName: '青川区医疗保障局', prefix: '青医保' },
  { name: '区公安分局', fullName: '青川区公安分局', prefix: '青公' },
  { name: '区应急管理局', fullName: '青川区应急管理局', prefix: '青应急' },
  { name: '城东街道', fullName: '青川区城东街道办事处', prefix: '城东办' },
  { name: '城西街道', fullName: '青川区城西街道办事处', prefix: '城西办' },
  { name: '新桥镇', fullName: '青川区新桥镇人民政府', prefix: '新桥府' },
  { name: '临江镇', fullName: '青川区临江镇人民政府', prefix: '临江府' },
  { name: '白鹤镇', fullName: '青川区白鹤镇人民政府', prefix: '白鹤府' },
];

const PLACES = ['', '', '', '城东街道', '城西街道', '新桥镇', '临江镇', '白鹤镇', '新城区域', '滨江片区', '老城区'];

/** Category → [subject, lead unit, likely co-handling units]. */
const TOPICS: Record<string, [string, string, string[]][]> = {
  经济发展: [
    ['加快园区转型升级', '区经委', ['区规划资源局', '区发展改革委']],
    ['进一步优化营商环境', '区发展改革委', ['区市场监管局', '区商务委']],
    ['加大对传统民营企业扶持力度', '区经委', ['区财政局']],
    ['促进数字经济与实体经济融合发展', '区科委', ['区经委']],
    ['推动乡村旅游提质增效', '区文化旅游局', ['区农业农村委']],
    ['拓宽小微企业融资渠道', '区财政局', ['区商务委']],
    ['培育特色农产品区域品牌', '区农业农村委', ['区市场监管局']],
    ['发展夜间经济激发消费活力', '区商务委', ['区城管执法局', '区文化旅游局']],
    ['支持科技型中小企业创新发展', '区科委', ['区财政局']],
  ],
  城市建设与管理: [
    ['加快老旧小区综合改造', '区房管局', ['区建设管理委']],
    ['完善生活垃圾分类收运设施', '区绿化市容局', ['区城管执法局']],
    ['推进中小河道综合整治', '区水务局', ['区生态环境局']],
    ['增设公共停车泊位缓解停车难', '区建设管理委', ['区交通委', '区规划资源局']],
    ['加快农村生活污水治理', '区水务局', ['区农业农村委']],
    ['改善背街小巷市容环境', '区绿化市容局', ['区城管执法局']],
    ['规范共享单车停放管理', '区交通委', ['区城管执法局']],
    ['推进架空线入地和合杆整治', '区建设管理委', []],
    ['加快口袋公园建设', '区绿化市容局', ['区规划资源局']],
  ],
  社会事业: [
    ['扩大优质义务教育资源供给', '区教育局', ['区规划资源局']],
    ['加强社区嵌入式养老服务', '区民政局', ['区卫生健康委']],
    ['完善基层医疗卫生服务网络', '区卫生健康委', ['区医保局']],
    ['建设更多家门口的全民健身场地', '区体育局', ['区绿化市容局']],
    ['加强中小学生心理健康教育', '区教育局', ['区卫生健康委']],
    ['推进公共文化设施错时开放', '区文化旅游局', ['区教育局']],
    ['提升社区托育服务供给', '区教育局', ['区卫生健康委', '区民政局']],
  ],
  民生保障: [
    ['完善困难群众常态化帮扶机制', '区民政局', ['区财政局']],
    ['加强退役军人服务保障', '区退役军人局', ['区人力资源社会保障局']],
    ['加快保障性租赁住房建设', '区房管局', ['区规划资源局']],
    ['扩大青年就业见习岗位', '区人力资源社会保障局', []],
    ['加强残疾人就业帮扶', '区人力资源社会保障局', ['区民政局']],
    ['优化长期护理保险服务', '区医保局', ['区卫生健康委']],
  ],
  公共安全与交通: [
    ['优化公交线路和站点设置', '区交通委', ['区公安分局']],
    ['加强学校周边交通安全管理', '区公安分局', ['区教育局']],
    ['完善电动自行车集中充电设施', '区应急管理局', ['区房管局']],
    ['加强校园及周边食品安全监管', '区市场监管局', ['区教育局']],
    ['加快建设公交停保场', '区交通委', ['区规划资源局', '区财政局']],
    ['完善农村道路交通安全设施', '区交通委', ['区公安分局']],
  ],
};

const CATEGORY_WEIGHTS: [string, number][] = [
  ['经济发展', 17],
  ['城市建设与管理', 34],
  ['社会事业', 13],
  ['民生保障', 13],
  ['公共安全与交通', 23],
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '建国伟芳秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英文华志红玉兰春梅海燕晓东建华国庆丽华晓明雪梅振华立新卫东小红利民永刚宏伟凤英德明金凤春华亚男思远若琳子涵一鸣嘉怡浩然'.match(
    /../g,
  )!;

const DELEGATIONS = ['城东代表团', '城西代表团', '新桥代表团', '临江代表团', '白鹤代表团', '机关代表团'];
const LEADERS = ['区长 林振华', '常务副区长 周立新', '副区长 沈晓东', '副区长 叶思远', '副区长 韩若琳'];

function deputyNames(rng: Random, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) names.add(rng.pick([...SURNAMES]) + rng.pick(GIVEN));
  return [...names];
}

const REPLY_OPENINGS = [
  '您在区人大会议期间提出的《{title}》收悉。我们高度重视，会同{co}进行了认真研究，并于{met}与您进行了当面沟通。现将办理情况答复如下：',
  '您提出的《{title}》已收悉。接到建议后，我们第一时间组织专题研究，{co}共同参与办理，并多次听取您的意见。现答复如下：',
];
const REPLY_BODIES = [
  '一、基本情况\n近年来，我区围绕这一领域持续加大投入，相关工作取得一定进展，但与群众期盼相比仍存在差距，您在建议中指出的问题客观存在。',
  '二、已开展的工作\n一是加强统筹谋划，把相关任务纳入年度重点工作安排；二是加大资金保障，今年安排专项资金用于设施建设和日常运维；三是完善工作机制，明确责任部门和完成时限，定期通报推进情况。',
  '三、下一步工作打算\n我们将认真吸纳您的意见，进一步细化工作措施，加强部门协同，确保各项举措落到实处，并及时向您通报进展。',
];
const REPLY_CLOSING = '感谢您对{unit}工作的关心和支持，欢迎继续提出宝贵意见。';

export interface DemoOptions {
  /** The day the demo is "as of": the current session is about four months old. */
  today: IsoDate;
  seed?: number;
  /** Proposals in the current session (the previous one gets about 10% fewer). */
  count?: number;
}

export interface DemoResult {
  current: Session;
  previous: Session;
  opinionName: string;
}

interface GenerateSessionInput {
  name: string;
  year: number;
  assignedAround: IsoDate;
  count: number;
  today: IsoDate;
  quality: number; // 0..1: share of well-handled items (later years do better)
}

function generateSession(store: Store, rng: Random, deputies: string[], input: GenerateSessionInput): Session {
  const session = store.sessions.create({
    name: input.name,
    year: input.year,
    settings: { issuingBody: `${DEMO_DISTRICT}人民政府`, feedbackScale: 'three', decimals: 1 },
    categories: CATEGORY_WEIGHTS.map(([name]) => name),
  });
  const categoryIds = new Map(store.sessions.categories(session.id).map((c) => [c.name, c.id]));
  const unitIds = store.units.ensure(UNITS.map((u) => u.name));
  const deputyDelegation = new Map(deputies.map((name, i) => [name, DELEGATIONS[i % DELEGATIONS.length]!]));
  const deputyIds = store.deputies.ensure(deputies);
  const usedTitles = new Set<string>();

  for (let n = 1; n <= input.count; n++) {
    const category = rng.weighted(CATEGORY_WEIGHTS);
    let topic = rng.pick(TOPICS[category]!);
    let title = '';
    for (let attempt = 0; attempt < 20; attempt++) {
      topic = rng.pick(TOPICS[category]!);
      const place = rng.pick(PLACES);
      title = place ? `关于${place}${topic[0]}的建议` : `关于${topic[0]}的建议`;
      if (!usedTitles.has(title)) break;
      title = title.replace('的建议', `的建议（${rng.pick(['二', '三', '四'])}）`);
      if (!usedTitles.has(title)) break;
    }
    usedTitles.add(title);
    const [, leadUnit, coCandidates] = topic;
    const coUnits = coCandidates.filter(() => rng.chance(0.7));
    const lead = rng.pick(deputies);
    const coSigners = rng.chance(0.45) ? deputies.filter((d) => d !== lead && rng.chance(0.02)).slice(0, 4) : [];

    const assignedDate = addDaysIso(input.assignedAround, rng.int(0, 10));
    const extended = rng.chance(0.05);
    const hard = rng.chance(1 - input.quality);
    // Most replies come within the three months; a few are late; a few still open.
    const replyOffset = hard ? rng.int(70, 130) : rng.int(25, 88);
    let replyDate: IsoDate | null = addDaysIso(assignedDate, replyOffset);
    if (replyDate > input.today || (hard && rng.chance(0.25))) replyDate = null;
    const resultCode: ResultCode | null = replyDate
      ? rng.weighted<ResultCode>([
          ['A', 60 + 20 * input.quality],
          ['B', 13],
          ['C', 6],
          ['D', 14 - 6 * input.quality],
        ])
      : null;
    const feedback = replyDate
      ? rng.weighted<string | null>([
          ['满意', 80 + 10 * input.quality],
          ['基本满意', 10],
          ['不满意', 3 - 2 * input.quality],
          ['未表态', 2],
          [null, 3],
        ])
      : null;
    const unit = UNITS.find((u) => u.name === leadUnit)!;
    const leaderSupervised = rng.chance(0.06);
    const metDate = addDaysIso(assignedDate, rng.int(5, 20));
    const replyText = replyDate
      ? [
          rng
            .pick(REPLY_OPENINGS)
            .replace('{title}', title)
            .replace('{co}', coUnits.length ? coUnits.join('、') : '相关部门')
            .replace('{met}', formatChineseDate(metDate)),
          ...REPLY_BODIES,
          REPLY_CLOSING.replace('{unit}', unit.fullName.replace(/^青川区/, '')),
        ].join('\n')
      : '';

    const id = store.proposals.insert(session.id, {
      ...EMPTY_PROPOSAL,
      number: String(n).padStart(4, '0'),
      title,
      delegation: deputyDelegation.get(lead) ?? '',
      categoryId: categoryIds.get(category) ?? null,
      content: `${title.replace(/^关于|的建议.*$/g, '')}事关群众切身利益，建议相关部门加强统筹、加大投入、完善机制，尽快形成可操作的工作方案。`,
      assignedDate,
      deadline: extended ? addDaysIso(assignedDate, 180) : null,
      extended,
      replyDate,
      replyNumber: replyDate ? `${unit.prefix}〔${input.year}〕${rng.int(10, 180)}号` : '',
      signer: replyDate ? rng.pick(deputies.slice(-20)) : '',
      contactPerson: replyDate ? rng.pick(deputies.slice(-40, -20)) : '',
      contactPhone: replyDate ? `${rng.int(5000, 5999)}${String(rng.int(0, 9999)).padStart(4, '0')}` : '',
      resultCode,
      replyText,
      published: replyDate !== null && rng.chance(0.75 + 0.2 * input.quality),
      met: rng.chance(0.85 + 0.1 * input.quality),
      closed: replyDate !== null && resultCode !== 'B' && resultCode !== 'C' ? true : replyDate !== null && rng.chance(0.4),
      isKey: rng.chance(0.08),
      leaderSupervised,
      leaderName: leaderSupervised ? rng.pick(LEADERS) : '',
      feedback,
      notes: extended ? '经批准延期办理' : '',
    });
    store.proposals.setPeopleAndUnits(id, {
      leadDeputies: [deputyIds.get(lead)!],
      coDeputies: coSigners.map((d) => deputyIds.get(d)!),
      leadUnit: unitIds.get(leadUnit)!,
      coUnits: coUnits.map((u) => unitIds.get(u)!),
    });
  }
  return store.sessions.get(session.id);
}

/** Fills an empty database with the demo district. */
export function generateDemo(store: Store, options: DemoOptions): DemoResult {
  const rng = random(options.seed ?? 20240301);
  const count = options.count ?? 260;
  const assignedAround = addDaysIso(options.today, -125);
  const year = Number(assignedAround.slice(0, 4));
  return store.transaction(() => {
    const deputies = deputyNames(rng, 140);
    store.deputies.ensure(deputies);
    for (const [i, name] of deputies.entries()) store.deputies.ensure([name], DELEGATIONS[i % DELEGATIONS.length]!);
    store.units.ensure(UNITS.map((u) => u.name));
    for (const unit of UNITS) {
      const id = store.units.findByName(unit.name)!.id;
      store.units.updateLetterhead(id, {
        fullName: unit.fullName,
        docPrefix: unit.prefix,
        contactPerson: rng.pick(deputies.slice(-60, -40)),
        contactPhone: `${rng.int(5000, 5999)}${String(rng.int(0, 9999)).padStart(4, '0')}`,
        copyTo: '区人大常委会代表工委，区政府办公室',
      });
    }
    const previous = generateSession(store, rng, deputies, {
      name: '区七届人大二次会议',
      year: year - 1,
      assignedAround: `${year - 1}${assignedAround.slice(4)}`,
      count: Math.round(count * 0.9),
      today: options.today,
      quality: 0.55,
    });
    const current = generateSession(store, rng, deputies, {
      name: '区七届人大三次会议',
      year,
      assignedAround,
      count,
      today: options.today,
      quality: 0.85,
    });
    const opinionName = `${previous.name}建议办理情况报告审议意见`;
    const opinionId = store.reviews.create({
      name: opinionName,
      title: `关于${previous.name}以来代表建议办理情况报告的审议意见`,
      sessionId: previous.id,
      items: DEMO_RECTIFICATION,
    });
    store.reviews.setReport(opinionId, {
      addressee: '区人大常委会',
      docNumber: `青府发〔${year}〕${rng.int(20, 60)}号`,
      date: addDaysIso(options.today, -3),
      text: DEMO_OPINION_REPORT,
    });
    for (const [section, text] of Object.entries(DEMO_NARRATIVE)) store.drafts.set(current.id, section, text);
    // Units' co-handling opinions on a few items, for the 会办意见 documents.
    for (const proposal of store.proposals.listBySession(current.id).slice(0, 40)) {
      for (const handling of store.handling.handlings(proposal.id).filter((h) => h.role === 'co')) {
        store.handling.updateHandling(handling.id, {
          opinionDate: proposal.assignedDate ? addDaysIso(proposal.assignedDate, 25) : null,
          opinionText: `我单位对该建议进行了认真研究。\n一是结合职能，对建议涉及的${handling.unit.replace(/^区/, '')}相关事项进行了梳理；\n二是同意主办单位提出的办理思路，将在职责范围内配合做好后续工作。`,
        });
      }
    }
    store.events.append({
      entity: 'session',
      entityId: current.id,
      action: '生成演示数据',
      details: { seed: options.seed ?? 20240301 },
    });
    return { current: store.sessions.get(current.id), previous: store.sessions.get(previous.id), opinionName };
  });
}

const DEMO_NARRATIVE: Record<string, string> = {
  achievements: [
    '一批事关群众切身利益的问题得到解决。围绕老旧小区改造、停车设施建设、社区养老服务等代表关注的民生实事，承办单位把建议办理与年度重点工作结合起来，推动一批“急难愁盼”问题落地解决。',
    '一批建议转化为政策措施。代表们提出的优化营商环境、支持中小企业融资等建议，被吸收进区政府年度工作方案和专项政策，为经济平稳运行提供了有力支撑。',
  ].join('\n'),
  practices: [
    '（一）领导领衔督办',
    '区政府领导领衔督办重点建议，召开专题会议研究推进，协调解决办理中的难点问题。',
    '（二）全过程沟通',
    '坚持办前联系、办中沟通、办后回访，面商率进一步提高，代表对办理过程的满意度持续提升。',
  ].join('\n'),
  problems: '个别承办单位答复内容以介绍现有政策为主，针对性不够强；部分“正在解决”“计划解决”事项的后续推进情况反馈不够及时。',
  nextSteps:
    '进一步压实承办单位责任，健全承诺事项跟踪机制，对“正在解决”事项按月、“计划解决”事项按季度向代表通报进展，推动更多建议转化为实际成效。',
};

const DEMO_OPINION_REPORT = [
  '区人大常委会听取和审议了区政府关于代表建议办理情况的报告，对办理工作给予肯定，并提出了审议意见。区政府高度重视，逐条研究，制定整改措施。现将有关情况报告如下：',
  '一、关于压实办理责任',
  '将建议办理纳入区政府年度绩效考核，对答复质量不高的建议退回重办，重点建议由承办单位主要负责人亲自审签答复。',
  '二、关于完善主办会办协同机制',
  '明确会办单位在交办后一个月内向主办单位书面提出会办意见；共同办理单位较多的建议，由主办单位召开专题协调会研究办理方案。',
  '三、关于加强办理结果跟踪落实',
  '建立承诺事项跟踪台账，定期开展“回头看”，及时向代表反馈落实进展。',
].join('\n');

const DEMO_RECTIFICATION = [
  {
    aspect: '一、部分承办单位办理责任落实不到位',
    problem: '个别承办单位对建议办理重视不够，答复内容以介绍现有政策为主，针对代表具体诉求的措施不多。',
    suggestion: '压实承办单位主体责任，把解决问题作为办理工作的出发点和落脚点。',
    measures: '将建议办理纳入区政府年度绩效考核，对答复质量不高的建议退回重办；主要负责人对重点建议亲自审签答复。',
    units: '区政府办公室、各承办单位',
    deadline: '持续推进',
  },
  {
    aspect: '一、部分承办单位办理责任落实不到位',
    problem: '少数建议办理过程中与代表沟通不充分，办前、办中联系较少。',
    suggestion: '健全办前走访、办中沟通、办后回访机制，提高面商质量。',
    measures: '制定面商工作指引，明确面商时限和形式；区政府办公室按月抽查面商记录并通报。',
    units: '各承办单位',
    deadline: '2025-06-30',
  },
  {
    aspect: '二、主办会办协同机制有待完善',
    problem: '涉及多个部门的建议，主办单位牵头协调不够，会办意见吸收不充分。',
    suggestion: '明确主办、会办单位职责，强化主办单位牵头作用。',
    measures: '会办单位在交办后一个月内向主办单位书面提出会办意见；共同办理单位超过三家的，由主办单位召开专题协调会。',
    units: '区政府办公室、各承办单位',
    deadline: '持续推进',
  },
  {
    aspect: '三、办理结果跟踪落实需进一步加强',
    problem: '部分答复为“正在解决”“计划解决”的建议，后续推进情况未及时向代表反馈。',
    suggestion: '建立承诺事项跟踪台账，定期开展“回头看”。',
    measures: '对“正在解决”事项按月、“计划解决”事项按季度更新进展并告知代表；年底前完成一次全面“回头看”。',
    units: '区政府办公室、各承办单位',
    deadline: '2025-12-31',
  },
];
