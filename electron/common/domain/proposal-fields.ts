/**
 * The rules a proposal's fields obey however they are entered: typed in the editor (the API
 * contract's proposals.update and its handler) or read from a ledger (electron/common/ledger).
 * Each path says what is wrong in its own words; the limits and the checks are these.
 */

/**
 * The longest text of each field. A 建议号 is a few characters, a name or a phone number a few
 * dozen, a note a page. (The ledger's parsers also rely on them: their regular expressions take
 * quadratic time on some long inputs.)
 */
export const FIELD_MAX_CHARS = {
  number: 100,
  title: 500,
  delegation: 100,
  category: 100,
  leaderName: 100,
  replyNumber: 100,
  signer: 50,
  contactPerson: 50,
  contactPhone: 50,
  notes: 5_000,
} as const;

/** 提出人数: a whole number in this range (the database's CHECK says the same). */
export const PROPOSER_COUNT = { min: 1, max: 10_000 } as const;

export function isProposerCount(n: number): boolean {
  return Number.isInteger(n) && n >= PROPOSER_COUNT.min && n <= PROPOSER_COUNT.max;
}

/** True when a date of the item (its answer, its deadline) falls before the day it was assigned. */
export function beforeAssigned(assignedDate: string | null, date: string | null): boolean {
  return !!assignedDate && !!date && date < assignedDate;
}
