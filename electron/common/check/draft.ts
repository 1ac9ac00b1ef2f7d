import { docxParagraphs, DocxReadError } from './docx-text';
import type { DraftParagraph } from './model';
import { readTextDraft, TextReadError } from './text-input';

/**
 * A draft from its bytes and file name, whatever it was saved as: .docx, .txt or .md (a file
 * without a known extension is read as .docx when it is a zip, else as text). Runtime-free: the
 * renderer can read a dropped file with it as well as the Node side.
 */

export type DraftFormat = 'docx' | 'txt' | 'md';

export interface Draft {
  paragraphs: DraftParagraph[];
  format: DraftFormat;
}

export class DraftReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DraftReadError';
  }
}

function draftFormat(name: string, bytes: Uint8Array): DraftFormat {
  const ext = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === 'docx' || ext === 'docm') return 'docx';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'txt' || ext === 'text') return 'txt';
  return bytes[0] === 0x50 && bytes[1] === 0x4b ? 'docx' : 'txt';
}

export function readDraftBytes(name: string, bytes: Uint8Array): Draft {
  const format = draftFormat(name, bytes);
  if (/\.doc$/i.test(name) || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)) {
    throw new DraftReadError(`无法读取「${name}」：这是旧版 Word 文档（.doc）。请在 Word 或 WPS 中打开，另存为 .docx 后再检查。`);
  }
  try {
    return { paragraphs: format === 'docx' ? docxParagraphs(bytes) : readTextDraft(bytes, format), format };
  } catch (error) {
    if (error instanceof DocxReadError || error instanceof TextReadError) {
      throw new DraftReadError(`无法读取「${name}」：${error.message}。请在 Word 或 WPS 中打开，另存为 .docx 后再检查。`);
    }
    throw error;
  }
}
