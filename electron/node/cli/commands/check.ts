import fs from 'node:fs';
import { writeFileAtomic } from '../../files/atomic-write';
import { checkOutputFile } from '../../files/output-path';
import { isUserError, UserError } from '../../../common/domain/errors';
import { annotateDocx, checkDraft, readDraft, sessionFacts, type DraftFacts, type Finding } from '../../check';
import type { Decimals, RoundingMethod } from '../../../common/stats/rounding';
import { todayIso } from '../../../common/domain/dates';
import { parseCommandArgs, roundingOptions, singleFile, switchOptions, UsageError, valueOptions } from '../args';
import { withExistingStore } from '../open';
import type { Output } from '../output';

export const checkUsage =
  '用法：jianyi check 报告稿.docx|.txt|.md [--db 数据库文件 --session 会议名称] [--decimals 0-3] [--rounding half-up|largest-remainder] [--json] [--annotate 批注副本.docx [--overwrite]]';

const SEVERITY_WORDS = { error: '错误', warning: '提示' } as const;

/** One finding a line, with its paragraph: 第3段【错误】… 原文：「…」 */
function describeFinding(finding: Finding): string {
  return `第${finding.paragraph + 1}段【${SEVERITY_WORDS[finding.severity]}】${finding.message}　原文：「${finding.quote}」`;
}

/**
 * Checks a report draft's figures (against a session's records when --db and --session are
 * given). Exit 0 when no error is found, 1 when errors are found, 2 for a wrong command line, 3
 * when the check could not run (the draft or the database cannot be read).
 */
export async function checkCommand(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...valueOptions('db', 'session', 'decimals', 'rounding', 'annotate'), ...switchOptions('json', 'overwrite') },
    checkUsage,
  );
  const file = singleFile(positionals, checkUsage, '请指定要核对的报告稿。', '一次只能核对一份报告稿。');
  if ((values.db === undefined) !== (values.session === undefined)) {
    throw new UsageError(`--db 和 --session 要一起给出（对照这届会议的台账核对）；都不给则只核对稿子自身的数字。\n${checkUsage}`);
  }
  const overrides = roundingOptions(values.decimals, values.rounding);
  try {
    const draft = readDraft(file);
    let facts: DraftFacts | null = null;
    let sessionOptions: { decimals?: Decimals; rounding?: RoundingMethod } = {};
    if (values.db !== undefined && values.session !== undefined) {
      const sessionName = values.session;
      ({ facts, options: sessionOptions } = await withExistingStore(values.db, (store) =>
        sessionFacts(store, store.sessions.getByName(sessionName), todayIso()),
      ));
    }
    const findings = checkDraft(draft.paragraphs, facts, { ...sessionOptions, ...overrides });
    const errors = findings.filter((f) => f.severity === 'error').length;
    if (values.annotate !== undefined) {
      if (draft.format !== 'docx') throw new UserError('只有 .docx 的报告稿可以另存带批注的副本。');
      const target = checkOutputFile(values.annotate, {
        kind: 'docx',
        databaseFile: values.db ?? null,
        overwrite: values.overwrite === true,
        createFolder: true,
        addExtension: true,
        protect: [file],
      });
      await writeFileAtomic(target, annotateDocx(fs.readFileSync(file), findings));
      if (!values.json) io.err(`已另存带批注的副本：「${target}」（原稿未改动）。`);
    }
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            file,
            session: values.session ?? null,
            errors,
            warnings: findings.length - errors,
            findings: findings.map(({ severity, kind, quote, printed, expected, message, paragraph }) => ({
              severity,
              kind,
              quote,
              printed,
              expected,
              message,
              paragraph: paragraph + 1,
            })),
          },
          null,
          2,
        ),
      );
    } else {
      const against = values.session ? `对照会议「${values.session}」的台账` : '只核对稿子自身的数字（未指定会议）';
      io.out(
        findings.length === 0
          ? `「${file}」：${against}，没有发现问题。`
          : `「${file}」：${against}，发现 ${errors} 处错误、${findings.length - errors} 处提示：`,
      );
      for (const finding of findings) io.out(describeFinding(finding));
    }
    return errors > 0 ? 1 : 0;
  } catch (error) {
    if (!isUserError(error) || error instanceof UsageError) throw error;
    io.err(`无法核对：${error.message}`);
    return 3;
  }
}
