import type { LedgerProposal } from '../entities/proposal';
import type { ResultCode } from '../domain/result-classes';
import { joinList } from '../domain/text';
import { formatYesNo } from '../domain/yes-no';
import type { LedgerField } from './columns';
import type { LedgerRecord } from './parsed-ledger';

/** The facts a ledger row holds, whether read from a file or from the database. */
export type LedgerFacts = Omit<LedgerRecord, 'row' | 'blank'>;

/** The facts each ledger field sets: the one map between columns and a proposal's fields. */
export const FACTS_OF_FIELD: Record<LedgerField, readonly (keyof LedgerFacts)[]> = {
  number: ['number', 'numberKey', 'numberSort'],
  title: ['title'],
  leadDeputies: ['leadDeputies'],
  coDeputies: ['coDeputies'],
  proposerCount: ['proposerCount'],
  delegation: ['delegation'],
  category: ['category'],
  leadUnits: ['leadUnit'],
  coUnits: ['coUnits'],
  assignedDate: ['assignedDate'],
  deadline: ['deadline'],
  replyDate: ['replyDate'],
  result: ['resultCode'],
  published: ['published'],
  met: ['met'],
  feedback: ['feedback'],
  resultOpinion: ['resultOpinion'],
  closed: ['closed'],
  isKey: ['isKey'],
  leader: ['leaderSupervised', 'leaderName'],
  replyNumber: ['replyNumber'],
  signer: ['signer'],
  contactPerson: ['contactPerson'],
  contactPhone: ['contactPhone'],
  content: ['content'],
  replyText: ['replyText'],
  // Checked against the session on import; export writes the session's name.
  sessionLabel: [],
  notes: ['notes'],
};

export function factsOfProposal(p: LedgerProposal): LedgerFacts {
  return {
    number: p.number,
    numberKey: p.numberKey,
    numberSort: p.numberSort,
    title: p.title,
    leadDeputies: p.leadDeputies,
    coDeputies: p.coDeputies,
    proposerCount: p.proposerCount,
    delegation: p.delegation,
    category: p.category,
    leadUnit: p.leadUnit,
    coUnits: p.coUnits,
    assignedDate: p.assignedDate,
    deadline: p.deadline,
    replyDate: p.replyDate,
    resultCode: p.resultCode,
    published: p.published,
    met: p.met,
    feedback: p.feedback,
    resultOpinion: p.resultOpinion,
    closed: p.closed,
    isKey: p.isKey,
    leaderSupervised: p.leaderSupervised,
    leaderName: p.leaderName,
    replyNumber: p.replyNumber,
    signer: p.signer,
    contactPerson: p.contactPerson,
    contactPhone: p.contactPhone,
    content: p.content,
    replyText: p.replyText,
    notes: p.notes,
  };
}

/**
 * A field as a ledger cell shows it. Export writes these and the import's dry run compares
 * them, so "what changes" means exactly what a clerk would see change in the spreadsheet.
 */
export function ledgerText(
  field: LedgerField,
  facts: LedgerFacts,
  resultLabels: Partial<Record<ResultCode, string>>,
  sessionName = '',
): string {
  switch (field) {
    case 'number':
      return facts.number;
    case 'leadDeputies':
    case 'coDeputies':
    case 'coUnits':
      return joinList(facts[field]);
    case 'proposerCount':
      return facts.proposerCount === null ? '' : String(facts.proposerCount);
    case 'leadUnits':
      return facts.leadUnit;
    case 'assignedDate':
    case 'deadline':
    case 'replyDate':
      return facts[field] ?? '';
    case 'result':
      return facts.resultCode ? (resultLabels[facts.resultCode] ?? facts.resultCode) : '';
    case 'published':
    case 'met':
    case 'closed':
    case 'isKey':
      return formatYesNo(facts[field]);
    case 'feedback':
    case 'resultOpinion':
      return facts[field] ?? '';
    case 'leader':
      return facts.leaderName || formatYesNo(facts.leaderSupervised);
    case 'sessionLabel':
      return sessionName;
    case 'title':
    case 'delegation':
    case 'category':
    case 'replyNumber':
    case 'signer':
    case 'contactPerson':
    case 'contactPhone':
    case 'content':
    case 'replyText':
    case 'notes':
      return facts[field];
  }
}
