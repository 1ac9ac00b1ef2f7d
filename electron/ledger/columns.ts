import { foldForMatch } from '../domain/text';

/** The fields a 台账 row carries, in the canonical column order. */
export const LEDGER_FIELDS = [
  'number',
  'title',
  'leadDeputies',
  'coDeputies',
  'delegation',
  'category',
  'leadUnits',
  'coUnits',
  'assignedDate',
  'deadline',
  'replyDate',
  'result',
  'published',
  'met',
  'feedback',
  'closed',
  'isKey',
  'leader',
  'notes',
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** Canonical header of each field: export writes these, in this order. */
export const CANONICAL_HEADERS: Record<LedgerField, string> = {
  number: '建议号',
  title: '标题',
  leadDeputies: '领衔代表',
  coDeputies: '附议代表',
  delegation: '代表团',
  category: '类别',
  leadUnits: '主办单位',
  coUnits: '会办单位',
  assignedDate: '交办日期',
  deadline: '办理期限',
  replyDate: '答复日期',
  result: '办理结果',
  published: '是否公开',
  met: '是否见面',
  feedback: '代表评价',
  closed: '是否办结',
  isKey: '重点建议',
  leader: '领导领衔',
  notes: '备注',
};

/** Other headers real ledgers use for the same field (提案 ledgers included). */
const SYNONYMS: Record<LedgerField, string[]> = {
  number: ['案号', '编号', '建议编号', '提案号', '提案编号', '建议案号', '提案案号'],
  title: ['案由', '题目', '建议标题', '提案标题', '建议题目', '提案题目', '建议名称', '提案名称'],
  leadDeputies: ['领衔人', '提出人', '代表', '代表姓名', '建议人', '提案人', '领衔委员', '第一提案人'],
  coDeputies: ['附议人', '联名代表', '附议委员', '联名人', '联名提案人'],
  delegation: ['所属代表团', '代表组', '代表小组', '界别'],
  category: ['分类', '建议类别', '提案类别', '类型', '所属类别'],
  leadUnits: ['承办单位', '牵头单位', '主办部门', '主办', '牵头部门'],
  coUnits: ['协办单位', '配合单位', '会办部门', '会办', '协办'],
  assignedDate: ['交办时间', '分办日期', '交办'],
  deadline: ['答复期限', '截止日期', '办结期限', '期限'],
  replyDate: ['答复时间', '办复日期', '复函日期', '答复'],
  result: ['答复类别', '结果类别', '办理类别', '答复结果', '办理结果类别'],
  published: ['公开', '公开情况', '是否主动公开'],
  met: ['是否面商', '面商', '见面', '是否见面沟通'],
  feedback: ['满意度', '代表意见', '反馈意见', '代表满意度', '评价', '代表反馈', '委员评价'],
  closed: ['办结', '办结情况', '是否办结完毕'],
  isKey: ['是否重点', '重点提案', '重点'],
  leader: ['领导督办', '区领导领衔', '领衔领导', '领导领衔督办'],
  notes: ['说明'],
};

export const REQUIRED_FIELDS: readonly LedgerField[] = ['number', 'title'];

/** Header text reduced for matching: no spaces, half-width, no required-marks or parentheses. */
export function normaliseHeader(text: string): string {
  return foldForMatch(text)
    .replace(/[*＊]/g, '')
    .replace(/\((必填|选填|可选|日期|[^)]*格式[^)]*)\)$/, '')
    .trim();
}

const LOOKUP = new Map<string, LedgerField>();
for (const field of LEDGER_FIELDS) {
  LOOKUP.set(normaliseHeader(CANONICAL_HEADERS[field]), field);
  for (const synonym of SYNONYMS[field]) LOOKUP.set(normaliseHeader(synonym), field);
}

/** The field a header names, or null. */
export function fieldOfHeader(text: string): LedgerField | null {
  return LOOKUP.get(normaliseHeader(text)) ?? null;
}

export function isCanonicalHeader(text: string, field: LedgerField): boolean {
  return normaliseHeader(text) === normaliseHeader(CANONICAL_HEADERS[field]);
}

/** "建议号（也可写作：案号、编号…）" for messages about a missing column. */
export function describeField(field: LedgerField): string {
  return `「${CANONICAL_HEADERS[field]}」（也可写作：${SYNONYMS[field].slice(0, 3).join('、')}）`;
}
