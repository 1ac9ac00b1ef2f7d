import path from 'node:path';
import { generateLetters, isFeedbackFormFile } from '../../documents/generate/letters';
import { generateRectification } from '../../documents/generate/rectification';
import { generateReport } from '../../documents/generate/report';
import type { Store } from '../../../../db/store';
import { withExistingStore } from '../open';
import { parseCommandArgs, required, switchOptions, todayOption, UsageError, valueOptions } from '../args';
import type { Output } from '../output';

export const lettersUsage =
  '用法：jianyi letters --db 数据库文件 --session 会议名称 --out 文件夹 [--template 名称|文件.md] [--only 12,15] [--cohandling] [--feedback-forms] [--zip 文件.zip] [--overwrite] [--today YYYY-MM-DD]';
export const reportUsage =
  '用法：jianyi report --db 数据库文件 --session 会议名称 --out 报告.docx [--template 名称|文件.md] [--overwrite] [--today YYYY-MM-DD]';
export const rectificationUsage =
  '用法：jianyi rectification --db 数据库文件 --opinion 审议意见名称 --out 文件.docx [--template 名称|文件.md] [--overwrite] [--today YYYY-MM-DD]';

function docxTarget(file: string, usage: string): string {
  if (path.extname(file).toLowerCase() !== '.docx') throw new UsageError(`输出文件名应以 .docx 结尾：「${file}」。\n${usage}`);
  return file;
}

export async function lettersCommand(args: string[], io: Output): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      ...valueOptions('db', 'session', 'out', 'template', 'only', 'zip', 'today'),
      ...switchOptions('cohandling', 'feedback-forms', 'overwrite'),
    },
    lettersUsage,
  );
  const dbFile = required(values.db, 'db', lettersUsage);
  const sessionName = required(values.session, 'session', lettersUsage);
  const outDir = required(values.out, 'out', lettersUsage);
  if (values.zip !== undefined && path.extname(values.zip).toLowerCase() !== '.zip')
    throw new UsageError(`--zip 的文件名应以 .zip 结尾：「${values.zip}」。`);
  const only = values.only?.split(/[,，、\s]+/).filter(Boolean);
  const day = todayOption(values.today);
  return withExistingStore(dbFile, async (store) => {
    const session = store.sessions.getByName(sessionName);
    const kindWord = values.cohandling ? '会办意见' : '答复函';
    const result = await generateLetters(store, {
      session,
      outDir,
      kind: values.cohandling ? 'cohandling-opinion' : 'reply-letter',
      feedbackForms: values['feedback-forms'] === true && !values.cohandling,
      template: values.template,
      only,
      zipFile: values.zip,
      overwrite: values.overwrite === true,
      // The folder named on the command line is made if it is not there.
      createFolder: true,
      today: day,
      onProgress: (done, total) => {
        if (done === total || done % 50 === 0) io.err(`  已生成 ${done}/${total}`);
      },
    });
    // Letters and the feedback forms beside them are counted apart: "答复函 2 份、征询意见表 2 份".
    const forms = result.files.filter(isFeedbackFormFile).length;
    const counted = `${kindWord} ${result.files.length - forms} 份${forms ? `、征询意见表 ${forms} 份` : ''}`;
    io.out(`已生成${counted}，保存在「${outDir}」。${result.zipFile ? `另打包为「${result.zipFile}」。` : ''}`);
    if (result.skipped.length) io.out(`未生成（${result.skipped.length} 件）：${result.skipped.join('、')}`);
    if (result.incomplete.length) {
      io.out(
        `其中 ${result.incomplete.length} 份还没有正文（已留出位置并标明，补齐后才能发出）：${result.incomplete.slice(0, 30).join('、')}${result.incomplete.length > 30 ? '……' : ''}`,
      );
    }
    if (result.warnings.length) {
      io.out(`请注意，以下 ${result.warnings.length} 份内容不全：`);
      for (const warning of result.warnings.slice(0, 30)) io.out(`  ${warning}`);
      if (result.warnings.length > 30) io.out(`  ……另有 ${result.warnings.length - 30} 份`);
    }
    return 0;
  });
}

/** A command that writes one document about one subject (a session or a review opinion). */
async function singleDocument(
  args: string[],
  usage: string,
  subject: 'session' | 'opinion',
  write: (
    store: Store,
    options: { name: string; out: string; template: string | undefined; today: string; overwrite: boolean },
  ) => Promise<string>,
  io: Output,
): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { ...valueOptions('db', subject, 'out', 'template', 'today'), ...switchOptions('overwrite') },
    usage,
  );
  const dbFile = required(values.db as string | undefined, 'db', usage);
  const name = required(values[subject] as string | undefined, subject, usage);
  const out = docxTarget(required(values.out as string | undefined, 'out', usage), usage);
  const day = todayOption(values.today as string | undefined);
  return withExistingStore(dbFile, async (store) => {
    io.out(
      await write(store, {
        name,
        out,
        template: values.template as string | undefined,
        today: day,
        overwrite: values.overwrite === true,
      }),
    );
    return 0;
  });
}

export function reportCommand(args: string[], io: Output): Promise<number> {
  return singleDocument(
    args,
    reportUsage,
    'session',
    async (store, { name, out, template, today, overwrite }) => {
      const session = store.sessions.getByName(name);
      const { file } = await generateReport(store, { session, out, template, today, overwrite, createFolder: true });
      return `已生成「${session.name}」的办理情况报告：「${file}」。`;
    },
    io,
  );
}

export function rectificationCommand(args: string[], io: Output): Promise<number> {
  return singleDocument(
    args,
    rectificationUsage,
    'opinion',
    async (store, { name, out, template, today, overwrite }) => {
      await generateRectification(store, { opinion: { name }, out, template, today, overwrite, createFolder: true });
      return `已生成审议意见办理报告和整改清单：「${out}」。`;
    },
    io,
  );
}
