import type { z } from 'zod';

/**
 * The one mapping from a validation problem to a sentence a clerk can read: the field's own name,
 * what is wrong, and what is allowed ("「年份」应在 1949 到 2200 之间，填的是 1800"). The schema
 * library's words (期望 int，实际接收 数字) never reach the screen.
 */

/** Field names as the screens call them. */
const FIELD_WORDS: Record<string, string> = {
  name: '名称',
  year: '年份',
  kind: '类型',
  title: '标题',
  fields: '',
  settings: '',
  report: '',
  deadlines: '',
  replyText: '答复正文',
  replyDate: '答复日期',
  assignedDate: '交办日期',
  deadline: '办理期限',
  dueDate: '期限',
  doneDate: '完成日期',
  opinionDate: '会办意见日期',
  opinionText: '会办意见',
  date: '日期',
  replyNumber: '文号',
  signer: '签发人',
  contactPerson: '联系人',
  contactPhone: '联系电话',
  feedback: '代表评价',
  resultOpinion: '对办理结果的意见',
  resultCode: '办理结果',
  proposerCount: '提出人数',
  notes: '备注',
  content: '建议内容',
  delegation: '代表团',
  category: '类别',
  categories: '类别',
  leaderName: '领衔领导',
  outDir: '保存的文件夹',
  out: '保存的文件',
  file: '文件',
  sessionName: '会议名称',
  sessionId: '会议',
  ids: '要删除的建议',
  backup: '备份',
  feedbackForms: '征询意见表',
  fileName: '文件名',
  contentBase64: '文件内容',
  items: '整改清单',
  aspect: '主要方面',
  problem: '重点问题',
  suggestion: '意见建议',
  measures: '整改措施',
  units: '责任单位',
  source: '模板',
  template: '模板',
  text: '正文',
  to: '新模板名称',
  from: '模板',
  form: '面商形式',
  people: '参加人员',
  description: '跟踪事项',
  issuingBody: '发文机关',
  resultClassCount: '办理结果的分类数',
  feedbackScale: '评价等级',
  resolutionNumerator: '解决率的口径',
  satisfiedNumerator: '满意率的口径',
  resultShareBase: '办理结果占比的分母',
  decimals: '小数位数',
  rounding: '舍入方法',
  replyMonths: '答复期限（月）',
  extendedReplyMonths: '延期后的答复期限（月）',
  cohandlingMonths: '会办意见期限（月）',
  returnDays: '退回期限（天）',
  redoMonths: '重新办理期限（月）',
  followupBMonths: '“正在解决”跟踪间隔（月）',
  followupCMonths: '“计划解决”跟踪间隔（月）',
  dueSoonDays: '提前提醒（天）',
  resultLabels: '办理结果名称',
  baselines: '上年对比数',
  addressee: '主送机关',
  docNumber: '文号',
  fullName: '单位全称',
  docPrefix: '发文字号前缀',
  copyTo: '抄送',
  mapping: '列的对应关系',
  sheet: '工作表',
  only: '只生成的建议号',
  id: '编号',
  version: '版本',
  proposalId: '建议',
  opinionId: '审议意见',
  jobId: '任务',
  stage: '阶段',
  faceToFace: '是否见面',
  fonts: '字体',
  sizes: '字号',
  page: '页边距',
  A: 'A 类',
  B: 'B 类',
  C: 'C 类',
  D: 'D 类',
  basedOn: '所依据的模板',
  body: '正文',
  top: '上边距',
  bottom: '下边距',
  left: '左边距',
  right: '右边距',
  characterSpacing: '字间距',
  linePitch: '行距',
  clearBlanks: '用空白清空已有内容',
  closed: '是否办结',
  met: '是否见面',
  published: '是否公开',
  isKey: '重点建议',
  leaderSupervised: '领导领衔',
  extended: '是否延期',
  closing: '版记',
  cohandling: '会办意见',
  copyFrom: '沿用设置的会议',
  npc: '人大代表建议',
  cppcc: '政协提案',
  createFolder: '新建文件夹',
  overwrite: '覆盖已有文件',
  dryRun: '试导入',
  expected: '打开时的内容',
  heading1: '一级标题',
  heading2: '二级标题',
  issuer: '发文机关标志',
  jointLetters: '联名建议的答复方式',
  latin: '西文字体',
  letterCopyTo: '答复函抄送',
  markPosition: '办理结果标记的位置',
  markLabels: '办理结果标记',
  pageNumber: '页码',
  redHeader: '套红',
  returnWorkingDays: '按工作日计算',
  sealed: '加盖印章',
  section: '报告的部分',
  table: '表格',
  today: '日期',
  zip: '打包为压缩文件',
};

/** True when a key of a schema has a name for the screens (checked over every operation in the tests). */
export function hasFieldWord(key: string): boolean {
  return Object.hasOwn(FIELD_WORDS, key);
}

function fieldName(path: readonly PropertyKey[]): string {
  const words = path.map((p) => (typeof p === 'number' ? `第${p + 1}项` : (FIELD_WORDS[String(p)] ?? String(p)))).filter(Boolean);
  return words.length ? `「${words.join('·')}」` : '提交的内容';
}

const TYPE_WORDS: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  boolean: '“是”或“否”',
  object: '一组内容',
  array: '一组内容',
  date: '日期',
};

/** A message the schema itself wrote in Chinese (a refine or a custom message), kept as it is. */
function ownMessage(issue: z.core.$ZodIssue): string | null {
  const message = issue.message ?? '';
  return /[\u4e00-\u9fff]/.test(message) && !/^(无效|数值过|出现未知|期望)/.test(message) ? message : null;
}

/** One validation problem as a sentence for the clerk. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = fieldName(issue.path);
  const own = ownMessage(issue);
  switch (issue.code) {
    case 'too_small': {
      if (own) return own;
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? `${field}不能为空` : `${field}至少要有 ${min} 个字`;
      if (issue.origin === 'array') return `${field}至少要有 ${min} 项`;
      return `${field}不能小于 ${min}`;
    }
    case 'too_big': {
      if (own) return own;
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `${field}太长：最多 ${max.toLocaleString('en-US')} 个字`;
      if (issue.origin === 'array') return `${field}太多：最多 ${max.toLocaleString('en-US')} 项`;
      return `${field}不能大于 ${max}`;
    }
    case 'invalid_type': {
      if (own) return own;
      const expected = TYPE_WORDS[issue.expected] ?? '规定的格式';
      return issue.expected === 'int' ? `${field}应为整数` : `${field}应填${expected}`;
    }
    case 'invalid_format':
      // The contract's dates are YYYY-MM-DD: the screens send them so, a clerk typed something else.
      if (String((issue as { pattern?: unknown }).pattern ?? '').includes('\\d{4}-')) return `${field}应为日期（如 2024-11-20）`;
      return own ?? `${field}的格式不对`;
    case 'invalid_value': {
      if (own) return own;
      const values = issue.values.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
      return values.length ? `${field}只能是 ${values.join('、')} 之一` : `${field}的取值不在允许的范围内`;
    }
    case 'unrecognized_keys':
      return `${field}里有不认识的项目：${issue.keys.slice(0, 5).join('、')}${issue.keys.length > 5 ? '……' : ''}`;
    case 'not_multiple_of':
      return `${field}应为整数`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return own ?? `${field}的内容不符合要求`;
    case 'custom':
      return own ?? `${field}的内容不符合要求`;
    default:
      return own ?? `${field}的内容不符合要求`;
  }
}

/** Every problem of a failed parse, one sentence each (at most 20, the rest counted). */
export function describeIssues(error: z.ZodError): string[] {
  const lines = error.issues.slice(0, 20).map(describeIssue);
  if (error.issues.length > 20) lines.push(`……另有 ${error.issues.length - 20} 处`);
  return lines;
}
