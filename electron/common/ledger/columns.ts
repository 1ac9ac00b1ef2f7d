import { foldForMatch } from '../domain/text';

/**
 * The fields a 台账 row carries, in the order export writes them. Real ledgers name each of them
 * in many ways (docs/ledger-layouts.md); this file is the one list of those names.
 */
export const LEDGER_FIELDS = [
  'number',
  'title',
  'leadDeputies',
  'coDeputies',
  'proposerCount',
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
  'resultOpinion',
  'closed',
  'isKey',
  'leader',
  'replyNumber',
  'signer',
  'contactPerson',
  'contactPhone',
  'content',
  'replyText',
  'sessionLabel',
  'notes',
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

type LedgerKind = 'npc' | 'cppcc';

/** Canonical header of each field: export writes these, in this order (政协 words for 提案 sessions). */
export const CANONICAL_HEADERS: Record<LedgerField, string> = {
  number: '建议号',
  title: '标题',
  leadDeputies: '领衔代表',
  coDeputies: '附议代表',
  proposerCount: '提出人数',
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
  resultOpinion: '对办理结果的意见',
  closed: '是否办结',
  isKey: '重点建议',
  leader: '领导领衔',
  replyNumber: '文号',
  signer: '签发人',
  contactPerson: '联系人',
  contactPhone: '联系电话',
  content: '建议内容',
  replyText: '答复内容',
  sessionLabel: '届次',
  notes: '备注',
};

const CPPCC_HEADERS: Partial<Record<LedgerField, string>> = {
  number: '提案号',
  leadDeputies: '第一提案人',
  coDeputies: '联名提案人',
  proposerCount: '提案人数',
  delegation: '界别',
  feedback: '委员评价',
  isKey: '重点提案',
  content: '提案内容',
};

/** The header export writes for a field in a session of this kind. */
export function headerFor(field: LedgerField, kind: LedgerKind = 'npc'): string {
  return (kind === 'cppcc' ? CPPCC_HEADERS[field] : undefined) ?? CANONICAL_HEADERS[field];
}

/** Other headers real ledgers use for the same field (提案 ledgers included). */
const SYNONYMS: Record<LedgerField, string[]> = {
  number: [
    '案号',
    '编号',
    '建议编号',
    '提案号',
    '提案编号',
    '建议案号',
    '提案案号',
    '提案序号',
    '建议序号',
    '建议号码',
    '提案号码',
  ],
  title: ['案由', '题目', '建议标题', '提案标题', '建议题目', '提案题目', '建议名称', '提案名称', '建议案由', '提案案由'],
  leadDeputies: [
    '领衔人',
    '提出人',
    '代表',
    '代表姓名',
    '建议人',
    '提案人',
    '领衔委员',
    '第一提案人',
    '提建议人',
    '提案者',
    '主导人',
    '领衔代表姓名',
    '第一提出人',
  ],
  coDeputies: ['附议人', '联名代表', '附议委员', '联名人', '联名提案人', '附议代表姓名', '联名委员'],
  proposerCount: ['提案人数', '提出人数', '代表人数', '联名人数', '人数'],
  delegation: ['所属代表团', '代表组', '代表小组', '界别', '所属界别', '委员界别'],
  category: ['分类', '建议类别', '提案类别', '类型', '所属类别', '内容分类', '提案分类', '建议分类', '内容类别', '专题分类'],
  leadUnits: ['承办单位', '牵头单位', '主办部门', '主办', '牵头部门', '主办单位名称'],
  coUnits: ['协办单位', '配合单位', '会办部门', '会办', '协办', '会办单位名称'],
  assignedDate: ['交办时间', '分办日期', '交办', '交办日'],
  deadline: ['答复期限', '截止日期', '办结期限', '期限', '要求办结日期', '要求答复日期', '办理时限', '答复时限'],
  replyDate: ['答复时间', '办复日期', '复函日期', '答复', '实际办结日期', '办复时间', '答复日'],
  result: ['答复类别', '结果类别', '办理类别', '答复结果', '办理结果类别', '解决程度', '办理情况类别', '答复分类'],
  published: ['公开', '公开情况', '是否主动公开', '可否公开', '公开属性', '是否同意公开', '公开方式'],
  met: ['是否面商', '面商', '见面', '是否见面沟通', '走访情况', '是否走访', '见面情况', '面商情况'],
  feedback: [
    '满意度',
    '代表意见',
    '反馈意见',
    '代表满意度',
    '评价',
    '代表反馈',
    '委员评价',
    '提案人意见',
    '委员意见',
    '代表测评',
    '测评结果',
    '满意度测评',
    '代表测评情况',
    '测评情况',
    '办理态度',
    '对办理态度的评价',
    '意见反馈',
  ],
  resultOpinion: ['办理结果意见', '对办理结果意见', '是否同意办理结果', '结果评价', '对办理结果的评价'],
  closed: ['办结', '办结情况', '是否办结完毕'],
  isKey: ['是否重点', '重点提案', '重点', '重点建议提案'],
  leader: ['领导督办', '区领导领衔', '领衔领导', '领导领衔督办', '督办领导', '领衔督办领导'],
  replyNumber: ['复文编号', '答复文号', '复函文号', '发文字号', '复文号', '答复函文号'],
  signer: ['签发领导', '签发'],
  contactPerson: ['承办人', '经办人', '联系人姓名', '承办联系人'],
  contactPhone: ['电话', '联系方式', '承办人电话', '经办人电话'],
  content: ['提案内容', '内容', '建议正文', '提案正文', '内容摘要'],
  replyText: ['答复意见', '办理答复', '答复正文', '答复函内容', '办复内容'],
  sessionLabel: ['会次', '届次会次', '会议届次', '会议'],
  notes: ['说明', '备注说明'],
};

/**
 * Names that mean a field only when no column uses a stronger name for it: a ledger with both
 * 主办单位 and 拟主办单位 (the unit proposed before assignment) takes 主办单位.
 */
const WEAK_SYNONYMS: Partial<Record<LedgerField, string[]>> = {
  leadUnits: ['拟主办单位', '建议主办单位'],
};

export const REQUIRED_FIELDS: readonly LedgerField[] = ['number', 'title'];

/** Fields whose absence changes what the statistics say: the preview warns about each. */
export const KEY_FIELDS: readonly LedgerField[] = ['result', 'feedback', 'category', 'leadUnits'];

/** Header text reduced for matching: no spaces, half-width, no required-marks or parentheses. */
export function normaliseHeader(text: string): string {
  return foldForMatch(text)
    .replace(/[*＊:：]/g, '')
    .replace(/\((必填|选填|可选|日期|[^)]*格式[^)]*)\)$/, '')
    .trim();
}

/** A header with a trailing bracket removed: 满意(80分-100分) → 满意, 办理期限(天) → 办理期限. */
export function withoutBracket(normalised: string): string {
  return normalised.replace(/\([^()]*\)$/, '').replace(/【[^【】]*】$/, '');
}

interface Match {
  field: LedgerField;
  strength: 'canonical' | 'synonym' | 'weak';
}

const LOOKUP = new Map<string, Match>();
for (const field of LEDGER_FIELDS) {
  for (const synonym of WEAK_SYNONYMS[field] ?? []) LOOKUP.set(normaliseHeader(synonym), { field, strength: 'weak' });
  for (const synonym of SYNONYMS[field]) LOOKUP.set(normaliseHeader(synonym), { field, strength: 'synonym' });
}
for (const field of LEDGER_FIELDS) {
  LOOKUP.set(normaliseHeader(CANONICAL_HEADERS[field]), { field, strength: 'canonical' });
  const cppcc = CPPCC_HEADERS[field];
  if (cppcc) LOOKUP.set(normaliseHeader(cppcc), { field, strength: 'canonical' });
}

/** The field a header names (and how strongly), or null. Brackets after the name are ignored. */
export function matchHeader(text: string): Match | null {
  const normalised = normaliseHeader(text);
  return LOOKUP.get(normalised) ?? LOOKUP.get(withoutBracket(normalised)) ?? null;
}

/** The field a header names, or null. */
export function fieldOfHeader(text: string): LedgerField | null {
  return matchHeader(text)?.field ?? null;
}

/** Fields a column can hold as ticks, one column per value. */
export const CHOICE_FIELDS: readonly LedgerField[] = [
  'feedback',
  'resultOpinion',
  'result',
  'published',
  'met',
  'closed',
  'isKey',
];

/** The fields of a person (a 领衔代表 / 姓名 pair names the field, 领衔代表 / 单位 is not ours). */
export const PERSON_FIELDS: readonly LedgerField[] = ['leadDeputies', 'coDeputies'];
export const PERSON_NAME_WORDS = new Set(['姓名', '名字', '代表姓名', '委员姓名', '提案人姓名', '姓名/名称']);
export const PERSON_UNIT_WORDS = new Set(['单位', '工作单位', '所在单位', '单位及职务', '职务', '单位职务', '工作单位及职务']);

/**
 * Group headers above tick or opinion columns that are about the deputy's feedback (代表测评情况
 * over 满意 / 基本满意 / 不满意; 意见反馈 over 办理态度 / 办理结果).
 */
const FEEDBACK_GROUPS = new Set(
  [
    '意见反馈',
    '反馈意见',
    '代表反馈',
    '委员反馈',
    '代表测评情况',
    '测评情况',
    '测评结果',
    '满意度测评',
    '代表测评',
    '代表意见',
    '委员意见',
    '提案人意见',
    '代表评价',
    '委员评价',
    '满意度',
    '征询意见',
    '反馈情况',
    '代表满意度',
  ].map(normaliseHeader),
);

export function isFeedbackGroup(text: string): boolean {
  const normalised = normaliseHeader(text);
  return FEEDBACK_GROUPS.has(normalised) || FEEDBACK_GROUPS.has(withoutBracket(normalised));
}

/** "建议号（也可写作：案号、编号…）" for messages about a missing column. */
export function describeField(field: LedgerField): string {
  return `「${CANONICAL_HEADERS[field]}」（也可写作：${SYNONYMS[field].slice(0, 3).join('、')}）`;
}

/** Words that mean "do not import this column" in a mapping. */
const IGNORE_WORDS = new Set(['不导入', '忽略', '无', '-', '']);

/**
 * Reads a mapping as the CLI's --map writes it: "解决程度=办理结果,提案人意见=代表评价" (header of the
 * file = a field's name, any of its usual names; "不导入" ignores the column). Throws an Error with
 * the Chinese message for a part it cannot read.
 */
export function parseMapSpec(spec: string): Record<string, LedgerField | null> {
  const out: Record<string, LedgerField | null> = {};
  for (const part of spec.split(/[,，;；\n]+/)) {
    if (!part.trim()) continue;
    const at = part.search(/[=＝]/);
    if (at <= 0) throw new Error(`对应关系「${part.trim()}」应写成“台账里的列名=字段名”，例如“解决程度=办理结果”。`);
    const header = part.slice(0, at).trim();
    const name = part.slice(at + 1).trim();
    if (IGNORE_WORDS.has(name)) {
      out[header] = null;
      continue;
    }
    const field = fieldOfHeader(name);
    if (!field) {
      throw new Error(
        `对应关系「${part.trim()}」里的「${name}」不是台账的字段。可用的字段：${LEDGER_FIELDS.map((f) => CANONICAL_HEADERS[f]).join('、')}，或“不导入”。`,
      );
    }
    out[header] = field;
  }
  return out;
}
