import path from 'node:path';
import type { OpenedStore } from '../../db/store';
import { generateDemo } from '../../electron/node/demo/generate';
import { saveDocumentSettings } from '../../electron/node/documents/document-settings';
import { generateLetters, isFeedbackFormFile } from '../../electron/node/documents/generate/letters';
import { generateRectification } from '../../electron/node/documents/generate/rectification';
import { generateReport } from '../../electron/node/documents/generate/report';
import { DEFAULT_DOCUMENT_SETTINGS, type DocumentSettings } from '../../electron/common/documents/settings';
import type { TemplateKind } from '../../electron/common/documents/template/front-matter';
import type { SessionSettings } from '../../electron/common/domain/session';
import { newStore } from './fixtures';

/** One document of every template kind, from the demo district, as the product writes them. */
export interface KindFiles {
  /** Every file, with the kind it is of. */
  all: { kind: TemplateKind; file: string }[];
  letters: string[];
  /** The feedback forms (征询意见表) written beside the letters, one per proposal. */
  forms: string[];
  opinions: string[];
  report: string;
  tables: string;
  rectification: string;
}

export const KINDS_TODAY = '2024-07-15';

/** A demo store (seeded, so the same every run). */
export async function demoStore(): Promise<{ store: OpenedStore; demo: ReturnType<typeof generateDemo> }> {
  const store = await newStore('kinds.db');
  const demo = generateDemo(store, { today: KINDS_TODAY });
  return { store, demo };
}

/**
 * Writes reply letters with their feedback forms, co-handling opinions, the report, the
 * statistics tables and the rectification report with its list into `dir`, with the given
 * settings.
 */
export async function documentsOfEveryKind(
  store: OpenedStore,
  demo: ReturnType<typeof generateDemo>,
  dir: string,
  settings: DocumentSettings = DEFAULT_DOCUMENT_SETTINGS,
  jointLetters: SessionSettings['jointLetters'] = 'one',
): Promise<KindFiles> {
  saveDocumentSettings(store, settings);
  store.sessions.updateSettings(demo.current.id, { jointLetters });
  demo = { ...demo, current: store.sessions.get(demo.current.id) };
  const today = KINDS_TODAY;
  const letters = await generateLetters(store, {
    session: demo.current,
    outDir: path.join(dir, '答复函'),
    createFolder: true,
    kind: 'reply-letter',
    feedbackForms: true,
    today,
    only: ['1', '2', '3', '4'],
  });
  const forms = letters.files.filter(isFeedbackFormFile);
  const replies = letters.files.filter((file) => !isFeedbackFormFile(file));
  const opinions = await generateLetters(store, {
    session: demo.current,
    outDir: path.join(dir, '会办意见'),
    createFolder: true,
    kind: 'cohandling-opinion',
    today,
    only: ['1', '2', '3', '4', '5'],
  });
  const report = path.join(dir, '报告.docx');
  await generateReport(store, { session: demo.current, out: report, today });
  const tables = path.join(dir, '统计表.docx');
  await generateReport(store, { session: demo.current, out: tables, today, template: '统计表' });
  const rectification = path.join(dir, '整改.docx');
  await generateRectification(store, { opinion: { name: demo.opinionName }, out: rectification, today });
  saveDocumentSettings(store, DEFAULT_DOCUMENT_SETTINGS);
  store.sessions.updateSettings(demo.current.id, { jointLetters: 'one' });
  return {
    all: [
      ...replies.map((file) => ({ kind: 'reply-letter' as const, file })),
      ...forms.map((file) => ({ kind: 'feedback-form' as const, file })),
      ...opinions.files.map((file) => ({ kind: 'cohandling-opinion' as const, file })),
      { kind: 'annual-report', file: report },
      { kind: 'statistics-tables', file: tables },
      { kind: 'rectification', file: rectification },
    ],
    letters: replies,
    forms,
    opinions: opinions.files,
    report,
    tables,
    rectification,
  };
}

/**
 * Settings an office may choose that change the drawing: black header, unsealed, GB2312 fonts, mark
 * at the left (used with one letter to each deputy of a joint proposal, a session setting).
 */
export const OTHER_SETTINGS: DocumentSettings = {
  ...DEFAULT_DOCUMENT_SETTINGS,
  fonts: {
    ...DEFAULT_DOCUMENT_SETTINGS.fonts,
    body: '仿宋_GB2312',
    heading2: '楷体_GB2312',
    title: '方正小标宋_GBK',
  },
  redHeader: false,
  sealed: false,
  markPosition: 'top-left',
};
