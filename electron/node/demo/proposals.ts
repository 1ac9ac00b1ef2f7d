import { EMPTY_PROPOSAL } from '../../common/entities/proposal';
import type { Store } from '../../../db/store';
import { addDaysIso, formatChineseDate, type IsoDate } from '../../common/domain/dates';
import type { ResultCode } from '../../common/domain/result-classes';
import type { Session } from '../../common/domain/session';
import { CATEGORY_WEIGHTS, DELEGATIONS, DEMO_DISTRICT, LEADERS, PLACES, TOPICS, UNITS } from './district';
import type { Random } from './random';

/**
 * One session of demo proposals: titles from the topics, deputies and units, dates around the
 * day of assignment, and for the answered ones the reply, its result and the deputy's feedback.
 */

const REPLY_OPENINGS = [
  '您在区人大会议期间提出的《{title}》收悉。我们高度重视，会同{co}进行了认真研究，并于{met}与您进行了当面沟通。现将办理情况答复如下：',
  '您提出的《{title}》已收悉。接到建议后，我们第一时间组织专题研究，{co}共同参与办理，并多次听取您的意见。现答复如下：',
];
const REPLY_BODIES = [
  '一、基本情况\n近年来，我区围绕这一领域持续加大投入，相关工作取得一定进展，但与群众期盼相比仍存在差距，您在建议中指出的问题客观存在。',
  '二、已开展的工作\n一是加强统筹谋划，把相关任务纳入年度重点工作安排；二是加大资金保障，今年安排专项资金用于设施建设和日常运维；三是完善工作机制，明确责任部门和完成时限，定期通报推进情况。',
  '三、下一步工作打算\n我们将认真吸纳您的意见，进一步细化工作措施，加强部门协同，确保各项举措落到实处，并及时向您通报进展。',
];

interface GenerateSessionInput {
  name: string;
  year: number;
  assignedAround: IsoDate;
  count: number;
  today: IsoDate;
  quality: number; // 0..1: share of well-handled items (later years do better)
}

export function generateSession(store: Store, rng: Random, deputies: string[], input: GenerateSessionInput): Session {
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
          // No closing of its own: the letter template thanks the deputy once.
          ...REPLY_BODIES,
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
