import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../electron/node/api/dispatch';
import { newDemoApi } from './helpers/api';
import { tempDir } from './helpers/fixtures';

/**
 * Every writer of an Office file, over a database whose free text holds what XML 1.0 forbids.
 * The API drops those characters on the way in, and so does the importer; an older database, a
 * restored backup or a file another program wrote can still hold them, and one of them anywhere
 * in a part makes Word, Excel, WPS and LibreOffice refuse the whole file.
 */

/** SQLite's char(): U+FFFF, U+FFFE, controls and a lone surrogate's bytes, as stored by other programs. */
const HOSTILE = ['char(65535)', 'char(65534)', 'char(1)', 'char(31)', 'char(11)', 'char(55296)', "'<&>\"'"];

/** The free-text columns the writers print, table by table. */
const TEXT_COLUMNS: Record<string, string[]> = {
  sessions: ['name', 'issuing_body'],
  session_categories: ['name'],
  session_result_labels: ['label'],
  units: ['name', 'full_name', 'doc_prefix', 'contact_person', 'contact_phone', 'copy_to'],
  deputies: ['name', 'delegation'],
  proposals: [
    'title',
    'delegation',
    'content',
    'reply_number',
    'signer',
    'contact_person',
    'contact_phone',
    'reply_text',
    'leader_name',
    'notes',
  ],
  review_opinions: ['name', 'title'],
  rectification_items: ['aspect', 'problem', 'suggestion', 'measures', 'units', 'deadline'],
};

/** Each XML part of an Office package, parsed as XML 1.0 by a strict parser: the problems found. */
function xmlProblems(file: string): string[] {
  const problems: string[] = [];
  const parts = unzipSync(fs.readFileSync(file));
  const xmlParts = Object.keys(parts).filter((name) => /\.(xml|rels)$/.test(name));
  expect(xmlParts.length, file).toBeGreaterThan(2);
  for (const name of xmlParts) {
    const parser = new SaxesParser({ xmlns: true });
    parser.on('error', (error) => {
      problems.push(`${path.basename(file)}:${name}: ${error.message}`);
    });
    parser.write(strFromU8(parts[name]!)).close();
  }
  return problems;
}

describe('every writer, over text holding what XML forbids', () => {
  it('writes files a strict XML parser reads, and the ledger export imports again', async () => {
    const { store, demo, handlers } = await newDemoApi('jianyi-writer-fuzz-');
    const db = store.db;
    let n = 0;
    for (const [table, columns] of Object.entries(TEXT_COLUMNS)) {
      for (const column of columns) {
        // Appended, so unique names stay unique; a different mix in each column.
        const suffix = [HOSTILE[n % HOSTILE.length], HOSTILE[(n + 1) % HOSTILE.length], HOSTILE[(n + 3) % HOSTILE.length]];
        db.prepare(`UPDATE ${table} SET ${column} = ${column} || ${suffix.join(' || ')}`).run();
        n += 1;
      }
    }
    // Every one of them is there to be written.
    const raw = db.prepare('SELECT title FROM proposals LIMIT 1').pluck().get() as string;
    expect(raw).toMatch(/[\uFFFE\uFFFF\u0001\u001F\u000B]/);

    const session = demo.current.id;
    const out = tempDir('jianyi-writer-out-');
    const call = async (name: string, input: unknown) => {
      const result = await dispatch(handlers, name, input);
      expect(result, `${name}: ${JSON.stringify(result).slice(0, 400)}`).toMatchObject({ ok: true });
      return (result as { ok: true; value: unknown }).value;
    };
    const files: string[] = [];

    await call('ledger.export', { sessionId: session, out: path.join(out, '台账.xlsx') });
    files.push(path.join(out, '台账.xlsx'));

    const missing = (await call('documents.missingList', { sessionId: session })) as { contentBase64: string };
    fs.writeFileSync(path.join(out, '待补.xlsx'), Buffer.from(missing.contentBase64, 'base64'));
    files.push(path.join(out, '待补.xlsx'));

    await call('documents.report', { sessionId: session, out: path.join(out, '报告.docx') });
    files.push(path.join(out, '报告.docx'));

    const opinion = store.reviews.list()[0]!;
    await call('documents.rectification', { opinionId: opinion.id, out: path.join(out, '整改清单.docx') });
    files.push(path.join(out, '整改清单.docx'));

    const preview = (await call('documents.preview', { kind: 'annual-report', sessionId: session })) as { contentBase64: string };
    fs.writeFileSync(path.join(out, '预览.docx'), Buffer.from(preview.contentBase64, 'base64'));
    files.push(path.join(out, '预览.docx'));

    const report = fs.readFileSync(path.join(out, '报告.docx')).toString('base64');
    await call('check.annotate', {
      sessionId: demo.previous.id,
      fileName: '报告.docx',
      contentBase64: report,
      out: path.join(out, '报告-核对.docx'),
    });
    files.push(path.join(out, '报告-核对.docx'));

    const only = store.db
      .prepare("SELECT number FROM proposals WHERE session_id = ? AND reply_text <> '' LIMIT 12")
      .pluck()
      .all(session) as string[];
    expect(only.length).toBeGreaterThan(0);
    for (const options of [{ feedbackForms: true }, { cohandling: true }]) {
      const dir = path.join(out, options.cohandling ? '会办意见' : '答复函');
      await call('documents.letters', { sessionId: session, outDir: dir, only, createFolder: true, ...options });
      for (const name of fs.readdirSync(dir)) if (name.endsWith('.docx')) files.push(path.join(dir, name));
    }
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(xmlProblems)).toEqual([]);

    // The exported ledger is the clerk's way back in: it must open in the importer too.
    const exported = fs.readFileSync(path.join(out, '台账.xlsx')).toString('base64');
    const again = await call('import.preview', {
      fileName: '台账.xlsx',
      contentBase64: exported,
      sessionName: '重新导入',
      year: 2024,
    });
    expect(again).toMatchObject({ errors: [], counts: { insert: store.proposals.listBySession(session).length } });
    expect(JSON.stringify(again)).not.toMatch(/[\uFFFE\uFFFF\u0001\u001F\u000B]/);
  });
});
