import type { LedgerProposal } from '../../../db/repos/proposals';
import type { Handling } from '../../../db/repos/handling';
import type { Unit } from '../../../db/repos/units';
import { numberForTitle } from '../../domain/proposal-number';
import type { Session } from '../../domain/session';
import type { IsoDate } from '../../domain/dates';
import type { DocumentSettings } from '../settings';

/**
 * The data a reply letter or a co-handling opinion is filled with. Field names are what template
 * authors type; every field is always present (null or empty when unknown) so that a template's
 * {{#if}} never trips over a missing one.
 */

/** A unit's letterhead as templates see it: the full name falls back to the short one. */
export type UnitData = Omit<Unit, 'id'>;

export interface LetterContext {
  options: { decimals: number };
  session: { name: string; year: number; kind: 'npc' | 'cppcc'; itemWord: string; issuingBody: string };
  proposal: {
    number: string;
    numberPlain: string;
    title: string;
    content: string;
    category: string;
    delegation: string;
    leadDeputies: string[];
    coDeputies: string[];
    leadUnit: string;
    coUnits: string[];
    assignedDate: string | null;
    replyDate: string | null;
    resultCode: string | null;
    resultLabel: string;
    isKey: boolean;
    leaderName: string;
  };
  /** 第12号代表建议 / 第12号提案 */
  itemTitle: string;
  /** 张三代表 / 张三、李四代表 / 王五委员 */
  addressee: string;
  unit: UnitData;
  /** For a co-handling opinion: the lead unit it goes to. */
  leadUnit: UnitData;
  replyNumber: string;
  replyText: string;
  /** The printed class mark (A/B/C/D or the office's own labels), empty without a result. */
  mark: string;
  letterDate: IsoDate;
  contact: { person: string; phone: string };
  copyTo: string;
}

export function unitData(unit: Unit | null, name: string): UnitData {
  return {
    name,
    fullName: unit?.fullName || name,
    docPrefix: unit?.docPrefix ?? '',
    contactPerson: unit?.contactPerson ?? '',
    contactPhone: unit?.contactPhone ?? '',
    copyTo: unit?.copyTo ?? '',
  };
}

function addressee(names: string[], session: Session): string {
  const title = session.kind === 'npc' ? '代表' : '委员';
  return names.length ? `${names.join('、')}${title}` : `各位${title}`;
}

interface LetterInput {
  session: Session;
  proposal: LedgerProposal;
  unit: UnitData;
  leadUnit: UnitData;
  settings: DocumentSettings;
  today: IsoDate;
}

function baseContext({ session, proposal, unit, leadUnit, settings, today }: LetterInput): LetterContext {
  const plain = numberForTitle(proposal.number);
  const result = proposal.resultCode;
  return {
    options: { decimals: session.decimals },
    session: {
      name: session.name,
      year: session.year,
      kind: session.kind,
      itemWord: session.kind === 'npc' ? '建议' : '提案',
      issuingBody: session.issuingBody,
    },
    proposal: {
      number: proposal.number,
      numberPlain: plain,
      title: proposal.title,
      content: proposal.content,
      category: proposal.category,
      delegation: proposal.delegation,
      leadDeputies: proposal.leadDeputies,
      coDeputies: proposal.coDeputies,
      leadUnit: proposal.leadUnit,
      coUnits: proposal.coUnits,
      assignedDate: proposal.assignedDate,
      replyDate: proposal.replyDate,
      resultCode: result,
      resultLabel: result ? (session.resultLabels[result] ?? result) : '',
      isKey: proposal.isKey,
      leaderName: proposal.leaderName,
    },
    itemTitle: session.kind === 'npc' ? `第${plain}号代表建议` : `第${plain}号提案`,
    addressee: addressee(proposal.leadDeputies, session),
    unit,
    leadUnit,
    replyNumber: proposal.replyNumber,
    replyText: proposal.replyText,
    mark: result ? settings.markLabels[result] : '',
    letterDate: proposal.replyDate ?? today,
    contact: {
      person: proposal.contactPerson || unit.contactPerson,
      phone: proposal.contactPhone || unit.contactPhone,
    },
    copyTo: unit.copyTo,
  };
}

/**
 * The reply letters of one proposal: one naming all lead deputies, or one per lead deputy when
 * the office answers joint proposals separately. `suffix` tells the files apart.
 */
export function replyLetterContexts(input: LetterInput): { suffix: string; context: LetterContext }[] {
  const context = baseContext(input);
  const deputies = input.proposal.leadDeputies;
  if (input.settings.jointLetters === 'per-deputy' && deputies.length > 1) {
    return deputies.map((name) => ({ suffix: `-${name}`, context: { ...context, addressee: addressee([name], input.session) } }));
  }
  return [{ suffix: '', context }];
}

/** A co-handling unit's opinion (会办意见) to the lead unit. */
export function cohandlingContext(input: LetterInput, handling: Handling): LetterContext {
  const context = baseContext(input);
  return {
    ...context,
    addressee: input.leadUnit.fullName,
    replyNumber: '',
    replyText: handling.opinionText,
    mark: '',
    letterDate: handling.opinionDate ?? input.today,
    contact: { person: input.unit.contactPerson, phone: input.unit.contactPhone },
    copyTo: '',
  };
}
