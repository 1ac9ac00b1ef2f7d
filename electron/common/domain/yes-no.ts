import { foldForMatch } from './text';

const YES = new Set(['是', '√', '✓', '✔', '☑', '●', 'Y', 'YES', 'TRUE', '1', '已', '有', '可']);
const NO = new Set(['', '否', '×', '✗', '✘', 'X', 'N', 'NO', 'FALSE', '0', '无', '未', '空', '不可']);

/** The yes/no fields whose ledgers use words of their own. */
export type YesNoField = 'published' | 'met' | 'closed' | 'isKey' | 'leader';

/**
 * Words real ledgers write in these columns (docs/ledger-layouts.md). 公开 counts proactive
 * publication only: 依申请公开 (published on request) is not 公开 for the 公开率.
 */
const FIELD_WORDS: Record<YesNoField, { yes: string[]; no: string[] }> = {
  published: {
    yes: ['公开', '可公开', '主动公开', '已公开', '全文公开', '摘要公开', '同意公开', '可以公开', '可以网上公开', '网上公开'],
    no: ['不公开', '不予公开', '依申请公开', '禁止网上公开', '不同意公开', '未公开', '不宜公开'],
  },
  met: {
    yes: ['见面', '已见面', '面商', '已面商', '走访', '已走访', '已联系见面'],
    no: ['未见面', '未面商', '未走访', '不需要走访', '委员本人提出不需要走访', '代表本人提出不需要走访', '不需要见面'],
  },
  closed: { yes: ['办结', '已办结', '已完成', '完成'], no: ['未办结', '办理中', '未完成'] },
  isKey: { yes: ['重点', '重点建议', '重点提案'], no: ['一般', '非重点'] },
  leader: { yes: ['领衔', '领导领衔', '督办'], no: [] },
};

const LOOKUP = new Map<YesNoField, Map<string, boolean>>(
  (Object.keys(FIELD_WORDS) as YesNoField[]).map((field) => {
    const words = new Map<string, boolean>();
    for (const w of FIELD_WORDS[field].yes) words.set(foldForMatch(w).toUpperCase(), true);
    for (const w of FIELD_WORDS[field].no) words.set(foldForMatch(w).toUpperCase(), false);
    return [field, words];
  }),
);

/**
 * 是/否/√/empty and the usual variants, and for a field its own words (可公开 / 依申请公开,
 * 已走访 …). Returns null when the text is not a yes/no answer. The one reader of yes/no cells.
 */
export function parseYesNo(raw: string, field?: YesNoField): boolean | null {
  const value = foldForMatch(raw).toUpperCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  const own = field ? LOOKUP.get(field)!.get(value) : undefined;
  return own ?? null;
}

/** The words a field accepts besides 是/否, for the message about a cell that is neither. */
export function yesNoHint(field?: YesNoField): string {
  const own = field ? FIELD_WORDS[field] : null;
  const words = own ? [own.yes[0], own.no[0]].filter(Boolean) : [];
  return `应填“是”或“否”，也可用 √ 或留空${words.length === 2 ? `，或写“${words[0]}”“${words[1]}”` : ''}`;
}

export function formatYesNo(value: boolean): string {
  return value ? '是' : '否';
}
