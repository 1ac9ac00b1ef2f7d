import fs from 'node:fs';
import { openStore } from '../../../../db/store';
import { UserError } from '../../../common/domain/errors';
import { checkWithSample } from '../../documents/template/check-sample';
import { compileTemplate } from '../../../common/documents/template/engine';
import { HEADER_LABELS, KIND_LABELS } from '../../../common/documents/template/front-matter';
import { HELPER_DOCS } from '../../../common/documents/template/helpers';
import { listTemplates, readTemplateFile } from '../../documents/template/library';
import { todayIso } from '../../../common/domain/dates';
import { describeEstimate, estimateOutput } from '../../documents/template/check-size';
import { parseCommandArgs, valueOptions, UsageError } from '../args';
import { table, type Output } from '../output';

export const templatesUsage =
  '用法：jianyi templates list [--db 数据库文件]\n      jianyi templates check 模板.md [--db 数据库文件 [--session 会议名称]]';

export async function templatesCommand(args: string[], io: Output): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'list') {
    const { values } = parseCommandArgs(rest, valueOptions('db'), templatesUsage);
    if (values.db !== undefined && !fs.existsSync(values.db)) throw new UserError(`找不到数据库文件「${values.db}」。`);
    const store = values.db ? await openStore(values.db) : null;
    try {
      const entries = listTemplates(store);
      io.out(
        table([
          ['名称', '类型', '来源', '说明'],
          ...entries.map((t) => [
            t.name,
            t.kindLabel,
            t.origin === 'builtin'
              ? t.overridden
                ? '内置（已被同名自定义模板取代）'
                : '内置'
              : `自定义${t.basedOn ? `（基于 ${t.basedOn}）` : ''}`,
            t.description,
          ]),
        ]),
      );
      io.out(`\n模板中可用的函数：\n${HELPER_DOCS.map((h) => `  ${h.usage.padEnd(34)}${h.description}`).join('\n')}`);
      return 0;
    } finally {
      store?.close();
    }
  }
  if (action === 'check') {
    const { values, positionals } = parseCommandArgs(rest, valueOptions('db', 'session'), templatesUsage);
    const file = positionals[0];
    if (!file) throw new UsageError(`请指定要检查的模板文件。\n${templatesUsage}`);
    if (!fs.existsSync(file)) throw new UserError(`找不到模板文件「${file}」。`);
    if (values.session !== undefined && values.db === undefined)
      throw new UsageError(`--session 要和 --db 一起用。\n${templatesUsage}`);
    if (values.db !== undefined && !fs.existsSync(values.db)) throw new UserError(`找不到数据库文件「${values.db}」。`);
    const template = compileTemplate(readTemplateFile(file), file);
    await checkWithSample(template);
    io.out(
      `模板「${template.meta.name}」没有发现问题：类型为${KIND_LABELS[template.meta.kind]}，${HEADER_LABELS[template.meta.header]}，已用示例数据生成成功。`,
    );
    if (values.db === undefined) return 0;
    // Sample data has two or three of everything; the clerk's own records say how big it comes out.
    const store = await openStore(values.db);
    try {
      const estimate = estimateOutput(store, template, todayIso(), values.session);
      io.out(estimate ? describeEstimate(estimate) : '数据库里没有可以用来填写这个模板的记录，没有估算篇幅。');
      return 0;
    } finally {
      store.close();
    }
  }
  throw new UsageError(`templates 后面应为 list 或 check。\n${templatesUsage}`);
}
