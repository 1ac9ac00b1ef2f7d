/**
 * The names of the API's operations, with no dependency at all, so that the preload script can
 * expose one function per operation without bundling the schemas. contract.ts checks at compile
 * time that this list and the contract name the same operations.
 */
export const OPERATION_NAME_LIST = [
  'app.info',
  'sessions.list',
  'sessions.create',
  'sessions.update',
  'proposals.list',
  'proposals.get',
  'proposals.update',
  'handlings.update',
  'consultations.add',
  'consultations.remove',
  'milestones.add',
  'milestones.complete',
  'import.preview',
  'import.commit',
  'jobs.startImport',
  'jobs.importStatus',
  'ledger.export',
  'stats.overview',
  'drafts.get',
  'drafts.set',
  'documents.letters',
  'jobs.startLetters',
  'jobs.status',
  'jobs.cancel',
  'documents.report',
  'documents.preview',
  'documents.rectification',
  'opinions.list',
  'opinions.get',
  'opinions.save',
  'templates.preview',
  'templates.list',
  'templates.save',
  'templates.copy',
  'templates.reset',
  'settings.documents.get',
  'settings.documents.set',
  'units.list',
  'units.update',
  'backup.create',
  'backup.restore',
  'backup.list',
  'database.move',
] as const;

/** Desktop-only functions of the preload: native dialogs and opening files with Word or WPS. */
export const NATIVE_FUNCTIONS = ['pickFolder', 'pickSaveFile', 'pickOpenFile', 'openPath', 'showInFolder'] as const;
