import fs from 'node:fs';
import { writeFileAtomic } from '../../files/atomic-write';
import { checkOutputFile } from '../../files/output-path';
import { isUserError, UserError } from '../../../common/domain/errors';
import { annotateDocx, checkDraft, readDraft, sessionFacts, type DraftFacts, type Finding } from '../../check';
import type { Decimals, RoundingMethod } from '../../../common/stats/rounding';
import { todayIso } from '../../../common/domain/dates';
import { integerOption, parseCommandArgs, UsageError } from '../args';
import { openExistingStore } from '../open';
import type { Output } from '../output';

export const checkUsage =
  '用法：jianyi check 报告稿.docx|.txt|.md [--db 数据库文件 --session 会议名称] [--decimals 0-3] [--rounding half-up|largest-remainder] [--json] [--annotate 批注副本.docx [--overwrite]]';

const SEVERITY_WORDS = { error: '错误', warning: '提示' } as const;

/** One finding a line, with its paragraph: 第3段【错误】… 原文：「…」 */
export function describeFinding(finding: Finding): string {
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
    {
      db: { type: 'string' },
      session: { type: 'string' },
      decimals: { type: 'string' },
      rounding: { type: 'string' },
      json: { type: 'boolean' },
      annotate: { type: 'string' },
      overwrite: { type: 'boolean' },
    },
    checkUsage,
  );
  const file = positionals[0];
  if (!file) throw new UsageError(`请指定要核对的报告稿。\n${checkUsage}`);
  if (positionals.length > 1) throw new UsageError(`一次只能核对一份报告稿。\n${checkUsage}`);
  if ((values.db === undefined) !== (values.session === undefined)) {
    throw new UsageError(`--db 和 --session 要一起给出（对照这届会议的台账核对）；都不给则只核对稿子自身的数字。\n${checkUsage}`);
  }
  const decimals = integerOption(values.decimals, 'decimals', 0, 3) as Decimals | undefined;
  const rounding = values.rounding as RoundingMethod | undefined;
  if (rounding !== undefined && rounding !== 'half-up' && rounding !== 'largest-remainder') {
    throw new UsageError(`选项 --rounding 应为 half-up（四舍五入）或 largest-remainder（最大余数法），而不是「${rounding}」。`);
  }
  try {
    const draft = readDraft(file);
    let facts: DraftFacts | null = null;
    let sessionOptions: { decimals?: Decimals; rounding?: RoundingMethod } = {};
    if (values.db !== undefined && values.session !== undefined) {
      const store = await openExistingStore(values.db);
      try {
        const session = store.sessions.getByName(values.session);
        ({ facts, options: sessionOptions } = sessionFacts(store, session, todayIso()));
      } finally {
        store.close();
      }
    }
    const findings = checkDraft(draft.paragraphs, facts, {
      ...sessionOptions,
      ...(decimals !== undefined ? { decimals } : {}),
      ...(rounding !== undefined ? { rounding } : {}),
    });
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
