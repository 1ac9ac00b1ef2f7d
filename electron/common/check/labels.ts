import { FEEDBACK_VALUES, NO_OPINION, parseFeedback } from '../domain/feedback';
import { defaultResultLabels, readResult, type ResultCode, type ResultScheme } from '../domain/result-classes';
import type { CountFactKey, DraftFacts } from './facts';
import type { CountFigure, Sentence, Span } from './figures';
import { nameKey } from './names';

/**
 * What a count in a sentence counts: the session's total, the answered items, a category, a
 * result class, a feedback value… read from the words just before it ("涉及经济发展方面有11件",
 * "“解决采纳” 84 件", "已答复249件") or just after it ("260件建议已全部答复"). A count whose
 * words say nothing known gets no label: it is never compared with the records.
 */

export type LabelDim = CountFactKey | 'category' | 'result' | 'feedback';

export interface CountLabel {
  dim: LabelDim;
  /** Category name, result label or feedback value as the records name it. */
  name?: string;
  code?: ResultCode;
}

interface VocabularyEntry {
  key: string;
  dim: 'category' | 'result' | 'feedback';
  name: string;
  code?: ResultCode;
}

export interface Vocabulary {
  entries: VocabularyEntry[];
  scheme: ResultScheme;
}

/** Result wordings found in reports, mapped onto the session's classes by readResult. */
const RESULT_WORDS = [
  '解决采纳',
  '已经解决',
  '已解决或基本解决',
  '解决或基本解决',
  '已解决或采纳',
  '已解决',
  '基本解决',
  '已采纳',
  '正在解决',
  '正在解决或列入规划',
  '正在解决或列入规划解决',
  '列入规划解决',
  '计划解决',
  '列入计划解决',
  '列入计划拟解决',
  '因条件限制需以后解决',
  '计划解决或准备采纳',
  '留作参考',
  '作为参考',
  '因条件限制无法解决',
  '暂不能解决',
];

const FEEDBACK_WORDS = [...FEEDBACK_VALUES.three, ...FEEDBACK_VALUES.five, '很满意', '非常满意', '比较满意', NO_OPINION];

/** The names a draft may give its counts, longest first (the longest match wins: 不满意 over 满意). */
export function vocabularyOf(facts: DraftFacts | null): Vocabulary {
  const scheme: ResultScheme = facts?.resultScheme ?? { labels: defaultResultLabels(4), count: 4 };
  const entries: VocabularyEntry[] = [];
  const seen = new Set<string>();
  const add = (entry: VocabularyEntry) => {
    if (!entry.key || seen.has(entry.key)) return;
    seen.add(entry.key);
    entries.push(entry);
  };
  for (const c of facts?.categories ?? []) add({ key: nameKey(c.name), dim: 'category', name: c.name });
  const resultWords = [...Object.values(scheme.labels).filter((l): l is string => Boolean(l)), ...RESULT_WORDS];
  for (const word of resultWords) {
    const reading = readResult(word, scheme);
    if (!reading?.code) continue;
    add({ key: nameKey(word), dim: 'result', name: scheme.labels[reading.code] ?? word, code: reading.code });
  }
  for (const word of FEEDBACK_WORDS) {
    const value = parseFeedback(word);
    if (value) add({ key: nameKey(word), dim: 'feedback', name: value.value });
  }
  entries.sort((a, b) => b.key.length - a.key.length);
  return { entries, scheme };
}

/** A named unit as the subject ("区交通委答复31件"): its figures are not the session's. */
const UNIT_SUBJECT =
  /[\u4e00-\u9fa5]{1,10}(?:(?<![格布全大结])局|委员会|委(?![员托])|街道|(?<!城)镇|中心(?!工作|任务|城区)|公司|集团|办公室)/;
const NOT_A_UNIT =
  /各[\u4e00-\u9fa5]{0,6}?(?:单位|部门|街镇|街道|镇|委办局|委|局)|区政府办公室|区府办|政府办公室|人大常委会|区政府|区委|代表工委|人大代表/g;

export function namesAUnit(phrase: string): boolean {
  return UNIT_SUBJECT.test(phrase.replace(NOT_A_UNIT, ''));
}

const TRIM_END = /(?:\s|的|有|为|是|共|计|达|了|约)+$/;

const SPECIAL: [CountFactKey, RegExp][] = [
  ['unanswered', /(?:尚未|未|没有)(?:答复|办复)$/],
  ['onTime', /(?:按期|按时|如期)(?:答复|办复)(?:代表)?(?:建议|提案)?$/],
  ['published', /(?<!不予|未|不|未予)(?:主动|依申请)?公开(?:了)?(?:答复意见|答复函|答复|办理结果|办理复文|复文)?$/],
  ['closed', /(?:^|已经?|共|均已|累计|全部)办结(?:了)?(?:代表)?(?:建议|提案)?$/],
  ['met', /(?<!未|没有|不)(?:与代表|与委员|同代表)?(?:见面|面商|当面)(?:沟通|协商|交流|商谈)?(?:了)?$/],
  ['feedbackReturned', /(?:反馈意见|已反馈|收到反馈|反馈评价|已评价|参与评价|已测评|参加测评)$|^(?:收到)?(?:代表|委员)?反馈$/],
  // Bare "答复" only when it is all the words ("在办复的67件"): "电话答复12件" is a part, not the answered items.
  ['answered', /(?:^|已经?|共|均已|累计|全部)(?:答复|办复)(?:了)?(?:代表)?(?:建议|提案)?$|(?:^|已经?|均已|全部)办理完毕$/],
];
const TOTAL =
  /(?:收到|提出|交办|受理|承办|提交|征集|立案)(?:了)?(?:(?:人大)?代表|政协委员|委员|政协)?(?:各方面|各类)?(?:建议、?批评和意见|意见建议|建议和意见|建议|提案|意见)(?:共计?|总计|合计)?$|(?:共|总共|累计|一共)(?:收到|提出|交办|受理|承办)了?$/;
/** "交由市政府系统办理的代表建议93件": the items the report is about. */
const TOTAL_ASSIGNED = /(?:交由|交给)[\u4e00-\u9fa5]{1,12}(?:办理|承办)的.*?(?:(?:人大)?代表建议|建议|提案)(?:共计?)?$/;
const TOTAL_CONTEXT = /共|总|累计|全体|全部|全年|期间|会议/;
const UNANSWERED_AFTER = /^\s*(?:代表)?(?:建议|提案)?(?:正在办理|正在答复|尚未答复|未答复|未办复|尚在办理|在办)/;
const ALL_DONE_AFTER =
  /^\s*(?:代表|委员)?(?:建议提案|建议和提案|建议、提案|建议|提案|议案)?[，,]?\s*(?:已经?|均已|均)?全部(?:按期|按时)?(?:办理并|予以)?(答复|办复|办结|办理完毕)/;
const LETTER_WORDING = /([A-D])\s*类?\s*[（(]([^（）()]{1,30})[）)]$/;
const CLOSING_QUOTE = /[”"’」』]$/;
const LETTER = /(?:^|[为是、：:中,，])([A-D])\s*类?$/;
const BOUNDARY = /[为是、的及中于：:，,]/;

interface LabelInput {
  folded: string;
  sentence: Sentence;
  count: CountFigure;
  vocabulary: Vocabulary;
}

function clauseOf(sentence: Sentence, at: number): Span {
  return sentence.clauses.find((c) => c.start <= at && at < c.end) ?? sentence;
}

function byVocabulary(phrase: string, vocabulary: Vocabulary): CountLabel | null {
  const key = nameKey(phrase);
  if (!key) return null;
  for (const entry of vocabulary.entries) {
    if (!key.endsWith(entry.key)) continue;
    const before = key.length - entry.key.length;
    // A short name must stand alone: "评价为好" is 好, "问题已解决" is no class.
    if (entry.key.length < 4 && before > 0 && !BOUNDARY.test(key[before - 1]!)) continue;
    return { dim: entry.dim, name: entry.name, ...(entry.code ? { code: entry.code } : {}) };
  }
  return null;
}

/** The words before a count within its clause, as the label reads them. */
function phraseBefore(folded: string, sentence: Sentence, count: CountFigure): string {
  return folded.slice(clauseOf(sentence, count.start).start, count.start).replace(TRIM_END, '');
}

/** The label of a count, or null when its words name nothing the checker knows. */
export function labelOf({ folded, sentence, count, vocabulary }: LabelInput): CountLabel | null {
  const clause = clauseOf(sentence, count.start);
  const phrase = phraseBefore(folded, sentence, count);
  const after = folded.slice(count.end, sentence.end);
  // A unit named earlier in the sentence is its subject: "区教育局主办20件，已答复20件" is not the session's.
  if (namesAUnit(folded.slice(sentence.start, count.start))) return null;
  if (/(?:尚有|还有|仍有|另有)\s*$/.test(folded.slice(clause.start, count.start)))
    return UNANSWERED_AFTER.test(after) ? { dim: 'unanswered' } : null;
  if (CLOSING_QUOTE.test(phrase)) {
    const open = Math.max(phrase.lastIndexOf('“'), phrase.lastIndexOf('"', phrase.length - 2), phrase.lastIndexOf('「'));
    // "“解决采纳”和“正在解决”的207件" counts two classes together: no single label.
    if (open >= 0)
      return /[”"’」』]\s*(?:和|与|及|或|、|以及)\s*$/.test(phrase.slice(0, open))
        ? null
        : byVocabulary(phrase.slice(open + 1, -1), vocabulary);
  }
  // "（共260件）", "共260件": the whole the text is about (a named group, "重点建议共46件", is not).
  if (/(?:^|[（(])\s*共\s*$/.test(folded.slice(clause.start, count.start))) return { dim: 'total' };
  // A remark in brackets before the count ("建议、批评和意见（下称建议）1034件") is not its label.
  const bare = phrase.replace(/^在/, '').replace(/[（(][^（）()]*[)）]$/, (m) => (LETTER_WORDING.test(phrase) ? m : ''));
  for (const [dim, pattern] of SPECIAL) if (pattern.test(bare)) return { dim };
  if ((TOTAL.test(bare) || TOTAL_ASSIGNED.test(bare)) && TOTAL_CONTEXT.test(folded.slice(sentence.start, count.start)))
    return { dim: 'total' };
  // "A类（已解决或基本解决）98件": the wording decides, as on a ledger.
  const worded = LETTER_WORDING.exec(bare);
  if (worded && (bare.length === worded[0].length || BOUNDARY.test(bare[worded.index - 1]!))) {
    const reading = readResult(`${worded[1]}（${worded[2]}）`, vocabulary.scheme);
    if (reading?.code) return { dim: 'result', code: reading.code, name: vocabulary.scheme.labels[reading.code] ?? worded[1]! };
  }
  const letter = LETTER.exec(bare);
  if (letter) {
    const reading = readResult(letter[1]!, vocabulary.scheme);
    if (reading?.code) return { dim: 'result', code: reading.code, name: vocabulary.scheme.labels[reading.code] ?? letter[1]! };
  }
  const named = byVocabulary(bare, vocabulary);
  if (named) return named;
  if (!phrase.trim() || clause.start === count.start) {
    const done = ALL_DONE_AFTER.exec(after);
    if (done) return { dim: done[1] === '办结' ? 'closed' : 'answered' };
  }
  return null;
}

/** The label of a name standing alone, as in a table's first column ("A  解决采纳", "经济发展"). */
export function nameLabel(name: string, vocabulary: Vocabulary): CountLabel | null {
  const letter = /^\s*([A-D])\s*类?\s*$/.exec(name.normalize('NFKC'));
  if (letter) {
    const reading = readResult(letter[1]!, vocabulary.scheme);
    return reading?.code
      ? { dim: 'result', code: reading.code, name: vocabulary.scheme.labels[reading.code] ?? letter[1]! }
      : null;
  }
  return byVocabulary(name, vocabulary);
}
