import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../../../../db/store';
import { isIsoDate, todayIso } from '../../../common/domain/dates';
import { UserError } from '../../../common/domain/errors';
import { generateDemo } from '../../demo/generate';
import { exportLedgerFile } from '../../ledger/export-ledger';
import { sessionStatistics } from '../../stats/session-statistics';
import { writeFileAtomic } from '../../files/atomic-write';
import { generateLetters } from '../../documents/generate/letters';
import { generateRectification } from '../../documents/generate/rectification';
import { generateReport } from '../../documents/generate/report';
import { parseCommandArgs, valueOptions, required, UsageError } from '../args';
import type { Output } from '../output';
import { formatStatistics, statisticsJson } from './stats';

export const demoUsage = '用法：jianyi demo --out 输出文件夹 [--today YYYY-MM-DD]';

export async function demoCommand(args: string[], io: Output): Promise<number> {
  const { values } = parseCommandArgs(args, valueOptions('out', 'today'), demoUsage);
  const out = path.resolve(required(values.out, 'out', demoUsage));
  if (values.today !== undefined && !isIsoDate(values.today))
    throw new UsageError(`选项 --today 应为 YYYY-MM-DD 格式的日期，而不是「${values.today}」。`);
  const today = values.today ?? todayIso();
  fs.mkdirSync(out, { recursive: true });
  const dbFile = path.join(out, 'demo.db');
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      fs.rmSync(dbFile + suffix, { force: true });
    } catch {
      throw new UserError(`无法替换上次生成的演示数据库「${dbFile}」：它可能正被程序打开。`);
    }
  }
  const store = await openStore(dbFile, { actor: '演示数据' });
  try {
    const demo = generateDemo(store, { today });
    const written: string[] = [dbFile];
    for (const session of [demo.previous, demo.current]) {
      const ledger = path.join(out, `台账-${session.name}.xlsx`);
      await exportLedgerFile(store, session, ledger, { overwrite: true });
      written.push(ledger);
    }
    const letters = await generateLetters(store, {
      session: demo.current,
      outDir: path.join(out, '答复函'),
      kind: 'reply-letter',
      today,
      zipFile: path.join(out, '答复函.zip'),
      overwrite: true, // the demo's own folder, made again on every run
      createFolder: true,
    });
    const opinions = await generateLetters(store, {
      session: demo.current,
      outDir: path.join(out, '会办意见'),
      kind: 'cohandling-opinion',
      today,
      only: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
      overwrite: true,
      createFolder: true,
    });
    const report = path.join(out, `办理情况报告-${demo.current.name}.docx`);
    await generateReport(store, { session: demo.current, out: report, today, overwrite: true });
    const tables = path.join(out, `统计表-${demo.current.name}.docx`);
    await generateReport(store, { session: demo.current, out: tables, today, template: '统计表', overwrite: true });
    const rectification = path.join(out, '审议意见办理报告和整改清单.docx');
    await generateRectification(store, { opinion: { name: demo.opinionName }, out: rectification, today, overwrite: true });
    // Folders are listed by their real path, the count after it, so the line can be copied.
    written.push(
      `${path.join(out, '答复函')}${path.sep}（文件夹，${letters.files.length} 份答复函）`,
      letters.zipFile!,
      `${path.join(out, '会办意见')}${path.sep}（文件夹，${opinions.files.length} 份会办意见）`,
      report,
      tables,
      rectification,
    );
    const stats = sessionStatistics(store, demo.current, today);
    const statsText = path.join(out, `统计-${demo.current.name}.txt`);
    await writeFileAtomic(statsText, formatStatistics(stats) + '\n');
    const statsJson = path.join(out, `统计-${demo.current.name}.json`);
    await writeFileAtomic(statsJson, JSON.stringify(statisticsJson(stats), null, 2) + '\n');
    written.push(statsText, statsJson);
    io.out(
      [
        `已生成演示数据（截至 ${today}）：会议「${demo.previous.name}」${store.proposals.countBySession(demo.previous.id)} 件、「${demo.current.name}」${stats.total} 件，审议意见「${demo.opinionName}」。`,
        '生成的文件：',
        ...written.map((f) => `  ${f}`),
        '',
        `试试：npm run cli -- stats --db "${dbFile}" --session ${demo.current.name}`,
      ].join('\n'),
    );
    return 0;
  } finally {
    store.close();
  }
}
