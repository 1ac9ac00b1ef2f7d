import type { LedgerProposal } from '../../db/repos/proposals';
import type { ResultCode } from '../domain/result-classes';
import { joinList } from '../domain/text';
import { formatYesNo } from '../domain/yes-no';
import type { LedgerField } from './columns';
import type { LedgerRecord } from './parse-ledger';

/** The facts a ledger row holds, whether read from a file or from the database. */
export type LedgerFacts = Omit<LedgerRecord, 'row'>;

export function factsOfProposal(p: LedgerProposal): LedgerFacts {
  return {
    number: p.number,
    numberKey: p.numberKey,
    numberSort: p.numberSort,
    title: p.title,
    leadDeputies: p.leadDeputies,
    coDeputies: p.coDeputies,
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
    closed: p.closed,
    isKey: p.isKey,
    leaderSupervised: p.leaderSupervised,
    leaderName: p.leaderName,
    notes: p.notes,
  };
}

/**
 * A field as a ledger cell shows it. Export writes these and the import's dry run compares
 * them, so "what changes" means exactly what a clerk would see change in the spreadsheet.
 */
export function ledgerText(field: LedgerField, facts: LedgerFacts, resultLabels: Partial<Record<ResultCode, string>>): string {
  switch (field) {
    case 'number':
      return facts.number;
    case 'title':
      return facts.title;
    case 'leadDeputies':
      return joinList(facts.leadDeputies);
    case 'coDeputies':
      return joinList(facts.coDeputies);
    case 'delegation':
      return facts.delegation;
    case 'category':
      return facts.category;
    case 'leadUnits':
      return facts.leadUnit;
    case 'coUnits':
      return joinList(facts.coUnits);
    case 'assignedDate':
      return facts.assignedDate ?? '';
    case 'deadline':
      return facts.deadline ?? '';
    case 'replyDate':
      return facts.replyDate ?? '';
    case 'result':
      return facts.resultCode ? (resultLabels[facts.resultCode] ?? facts.resultCode) : '';
    case 'published':
      return formatYesNo(facts.published);
    case 'met':
      return formatYesNo(facts.met);
    case 'feedback':
      return facts.feedback ?? '';
    case 'closed':
      return formatYesNo(facts.closed);
    case 'isKey':
      return formatYesNo(facts.isKey);
    case 'leader':
      return facts.leaderName || formatYesNo(facts.leaderSupervised);
    case 'notes':
      return facts.notes;
  }
}
