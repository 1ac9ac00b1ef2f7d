import { errorMessage, isInternalError } from '../../common/domain/user-message';
import { UsageError } from './args';
import { checkCommand, checkUsage } from './commands/check';
import { demoCommand, demoUsage } from './commands/demo';
import {
  lettersCommand,
  lettersUsage,
  rectificationCommand,
  rectificationUsage,
  reportCommand,
  reportUsage,
} from './commands/documents';
import { exportCommand, exportUsage } from './commands/export';
import { importCommand, importUsage } from './commands/import';
import { initCommand, initUsage } from './commands/init';
import { sessionsCommand, sessionsUsage } from './commands/sessions';
import { statsCommand, statsUsage } from './commands/stats';
import { templatesCommand, templatesUsage } from './commands/templates';
import { consoleOutput, type Output } from './output';

type Command = (args: string[], io: Output) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string; summary: string }> = {
  init: { run: initCommand, usage: initUsage, summary: '新建（或升级）数据库' },
  import: { run: importCommand, usage: importUsage, summary: '导入台账（.xlsx 或 .csv）' },
  export: { run: exportCommand, usage: exportUsage, summary: '导出台账为 .xlsx' },
  stats: { run: statsCommand, usage: statsUsage, summary: '统计一届会议的各项数据' },
  sessions: { run: sessionsCommand, usage: sessionsUsage, summary: '列出数据库中的会议' },
  letters: { run: lettersCommand, usage: lettersUsage, summary: '批量生成答复函（或会办意见）' },
  report: { run: reportCommand, usage: reportUsage, summary: '生成年度办理情况报告' },
  rectification: { run: rectificationCommand, usage: rectificationUsage, summary: '生成审议意见办理报告和整改清单' },
  templates: { run: templatesCommand, usage: templatesUsage, summary: '列出或检查公文模板' },
  check: { run: checkCommand, usage: checkUsage, summary: '核对报告稿里的数字（对照台账，标出每一处错误）' },
  demo: { run: demoCommand, usage: demoUsage, summary: '生成演示数据库和演示文件' },
};

export function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length)) + 2;
  return [
    '建议办理助手 命令行',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}${c.summary}\n  ${' '.repeat(width)}${c.usage}`),
    '',
    '出错时返回非零退出码，错误信息写到标准错误输出。',
  ].join('\n');
}

/** Runs one command line; returns the process exit code. */
export async function runCli(argv: string[], io: Output = consoleOutput): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`未知的命令「${name}」。\n\n${helpText()}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (isInternalError(error)) {
      io.err(`程序内部错误，请把以下信息告诉开发人员：\n${(error as Error).stack ?? String(error)}`);
      return 70;
    }
    const { message, details } = errorMessage(error);
    io.err(`错误：${message}`);
    for (const detail of details) io.err(`  ${detail}`);
    return error instanceof UsageError ? 2 : 1;
  }
}

// Run directly (`tsx electron/node/cli/main.ts`); the bin imports runCli from the bundle instead.
if (process.argv[1] !== undefined && /cli[\\/]main\.ts$/.test(process.argv[1])) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
