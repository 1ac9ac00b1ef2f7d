import { sql as initial } from './0001-initial';
import { sql as documents } from './0002-documents';
import { sql as ledgerFields } from './0003-ledger-fields';
import { sql as opinionIndex } from './0004-opinion-index';
import { sql as jointLetters } from './0005-joint-letters';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every schema change, in order. Never edit a released migration; add the next number. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'documents', sql: documents },
  { version: 3, name: 'ledger-fields', sql: ledgerFields },
  { version: 4, name: 'opinion-index', sql: opinionIndex },
  { version: 5, name: 'joint-letters', sql: jointLetters },
];
