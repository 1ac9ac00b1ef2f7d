import type { LedgerProposal } from '../../entities/proposal';
import type { Handling } from '../../entities/handling';
import type { Unit } from '../../entities/unit';
import { numberForTitle } from '../../domain/proposal-number';
import { letterOf } from '../../domain/result-classes';
import type { Session } from '../../domain/session';
import { isOrganisation, termsOf, type Terms } from '../../domain/terms';
import type { IsoDate } from '../../domain/dates';
import type { DocumentSettings } from '../settings';
import { FEEDBACK_VALUES, FORM_RESULT_OPINIONS } from '../../domain/feedback';

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
  /** 建议 / 提案, 代表 / 委员 …: the words of this kind of session. */
  terms: Terms;
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
  /** 张三代表 / 张三等3名代表 / 王五委员 / 民进区委 */
  addressee: string;
  /** 您 for one person, 你们 for several or for an organisation. */
  you: string;
  unit: UnitData;
  /** For a co-handling opinion: the lead unit it goes to. */
  leadUnit: UnitData;
  replyNumber: string;
  replyText: string;
  /** False when the reply text is not written yet: the letter then marks the place for it. */
  complete: boolean;
  /**
   * The reply text as units write it often opens with its own 「…收悉」 and closes with its own
   * thanks: the letter then leaves out its own, so that nothing is said twice.
   */
  replyOpens: boolean;
  replyThanks: boolean;
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

/** How a letter addresses the proposers: one name, "张三等3名代表", or an organisation's name. */
function addressing(names: string[], count: number | null, terms: Terms): { addressee: string; you: string } {
  const total = Math.max(names.length, count ?? 0);
  if (names.length === 0) return { addressee: `各位${terms.member}`, you: '你们' };
  const [first] = names as [string];
  if (total <= 1) return isOrganisation(first) ? { addressee: first, you: '你们' } : { addressee: `${first}${terms.member}`, you: '您' };
  return { addressee: `${first}等${total}名${terms.member}`, you: '你们' };
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
  const terms = termsOf(session.kind);
  return {
    options: { decimals: session.decimals },
    session: {
      name: session.name,
      year: session.year,
      kind: session.kind,
      itemWord: terms.item,
      issuingBody: session.issuingBody,
    },
    terms,
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
    itemTitle: `第${plain}号${terms.itemTerm}`,
    ...addressing([...proposal.leadDeputies, ...proposal.coDeputies], proposal.proposerCount, terms),
    unit,
    leadUnit,
    replyNumber: proposal.replyNumber,
    replyText: proposal.replyText,
    ...replyShape(proposal.replyText),
    // A three-class session prints its classes A/B/C: the stored D (留作参考) is its C.
    mark: result ? settings.markLabels[letterOf(result, session.resultClassCount) as keyof DocumentSettings['markLabels']] : '',
    letterDate: proposal.replyDate ?? today,
    contact: {
      person: proposal.contactPerson || unit.contactPerson,
      phone: proposal.contactPhone || unit.contactPhone,
    },
    copyTo: unit.copyTo || settings.letterCopyTo[session.kind],
  };
}

/**
 * The reply letters of one proposal: one to all who proposed it, or one to each of them (lead
 * deputies and co-signers) when the office answers joint proposals person by person. `suffix`
 * tells the files apart.
 */
export function replyLetterContexts(input: LetterInput): { suffix: string; context: LetterContext }[] {
  const context = baseContext(input);
  const people = [...input.proposal.leadDeputies, ...input.proposal.coDeputies];
  if (input.session.jointLetters === 'per-deputy' && people.length > 1) {
    return people.map((name) => ({
      suffix: `-${name}`,
      context: { ...context, ...addressing([name], 1, context.terms) },
    }));
  }
  return [{ suffix: '', context }];
}

/** Whether a reply text is written, opens with its own 收悉 and ends with its own thanks. */
export function replyShape(text: string): Pick<LetterContext, 'complete' | 'replyOpens' | 'replyThanks'> {
  const paragraphs = text
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    complete: paragraphs.length > 0,
    replyOpens: /收悉/.test(paragraphs[0] ?? ''),
    replyThanks: paragraphs.length > 1 && /感谢|谢谢/.test(paragraphs.at(-1)!),
  };
}

/** A co-handling unit's opinion (会办意见) to the lead unit. */
export function cohandlingContext(input: LetterInput, handling: Handling): LetterContext {
  const context = baseContext(input);
  return {
    ...context,
    addressee: input.leadUnit.fullName,
    you: '你单位',
    replyNumber: '',
    replyText: handling.opinionText,
    ...replyShape(handling.opinionText),
    mark: '',
    letterDate: handling.opinionDate ?? input.today,
    contact: { person: input.unit.contactPerson, phone: input.unit.contactPhone },
    copyTo: '',
  };
}

/** The feedback form (征询意见表) sent with a reply: the boxes the deputy ticks. */
export interface FeedbackFormContext extends LetterContext {
  form: {
    /** 办理态度, on the session's rating scale: "□满意　□基本满意　□不满意". */
    attitude: string;
    /** 办理结果, in the words of the 同意率: "□同意　□基本同意　□不同意". */
    result: string;
    met: string;
    /** Blank lines for the deputy's remarks. */
    remarks: string;
    /** Room to sign, then the date line set to the right: "　　…年　　月　　日". */
    dateLine: string;
    /** 领衔代表 / 提案人 as the form's rows name them. */
    proposers: string;
  };
}

const boxes = (values: readonly string[]) => values.map((v) => `□${v}`).join('\u3000\u3000');
const REMARK_LINES = 14;
/**
 * A zero-width space holds a blank line open: table cells are trimmed of spaces (U+3000 too),
 * so a line of spaces alone would vanish, and with it the room to write in.
 */
const HOLD = '\u200B';

/** The feedback form of one proposal, addressed to everyone who proposed it. */
export function feedbackFormContext(input: LetterInput): FeedbackFormContext {
  const context = baseContext(input);
  const proposers = [...input.proposal.leadDeputies, ...input.proposal.coDeputies];
  return {
    ...context,
    form: {
      attitude: boxes(FEEDBACK_VALUES[input.session.feedbackScale ?? 'three']),
      result: boxes(FORM_RESULT_OPINIONS),
      met: boxes(['是', '否']),
      remarks: Array.from({ length: REMARK_LINES }, () => HOLD).join('\n'),
      // Room to sign above the date.
      dateLine: `${HOLD}\n${HOLD}\n${HOLD}${'\u3000'.repeat(14)}年\u3000\u3000月\u3000\u3000日`,
      proposers: proposers.join('、'),
    },
  };
}
