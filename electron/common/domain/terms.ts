import type { SessionSettings } from './session';

/**
 * The words that differ between a people's congress session (代表建议) and a CPPCC session (政协提案):
 * every document and screen takes them from here, so a 提案 session never reads "代表建议" and its
 * report is never addressed to the 人大常委会.
 */
export interface Terms {
  /** 建议 / 提案 */
  item: string;
  /** 代表建议 / 提案: the name of the records in titles ("关于…期间代表建议办理情况的报告"). */
  itemTerm: string;
  /** 代表 / 委员 */
  member: string;
  /** 代表团 / 界别 */
  group: string;
  /** Who the annual report goes to: 区人大常委会 / 区政协. */
  reportAddressee: string;
  /** 建议号 / 提案号 */
  numberWord: string;
  /** 人大代表建议 / 政协提案 */
  kindLabel: string;
}

const TERMS: Record<SessionSettings['kind'], Terms> = {
  npc: {
    item: '建议',
    itemTerm: '代表建议',
    member: '代表',
    group: '代表团',
    reportAddressee: '区人大常委会',
    numberWord: '建议号',
    kindLabel: '人大代表建议',
  },
  cppcc: {
    item: '提案',
    itemTerm: '提案',
    member: '委员',
    group: '界别',
    reportAddressee: '区政协',
    numberWord: '提案号',
    kindLabel: '政协提案',
  },
};

export function termsOf(kind: SessionSettings['kind']): Terms {
  return TERMS[kind];
}

/**
 * A proposer that is an organisation (民进区委, 经济界别, 青年联合会): a letter is addressed to it
 * by name alone, without 代表 or 委员 after it.
 */
export function isOrganisation(name: string): boolean {
  return /(委员会|[市区县]委|支部|总支|界别|小组|工委|联合会|协会|商会|学会|联谊会|党组|民主党派|代表团|专委会)$/.test(name);
}
