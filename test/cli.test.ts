import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { HEADER, makeXlsx, row, tempDir, writeFile } from './helpers/fixtures';

async function ledger(dir: string, rows: Parameters<typeof row>[0][]) {
  return writeFile(dir, '台账.xlsx', await makeXlsx([{ name: '台账', rows: [HEADER, ...rows.map(row)] }]));
}

/** The options that name the demo's current session in the database `db`. */
const demoSession = (db: string) => ['--db', db, '--session', '区七届人大三次会议'];

const SEED_000_ROWS = [
  ...Array.from({ length: 84 }, () => '解决采纳'),
  ...Array.from({ length: 13 }, () => '正在解决'),
  ...Array.from({ length: 6 }, () => '计划解决'),
  ...Array.from({ length: 11 }, () => '留作参考'),
].map((result, i) => ({
  建议号: String(i + 1).padStart(4, '0'),
  标题: `关于第${i + 1}件事的建议`,
  类别: i < 40 ? '经济发展' : '城市建设与管理',
  主办单位: i % 2 ? '区经委' : '区交通委',
  办理结果: result,
  是否公开: i < 99 ? '是' : '否',
  代表评价: '满意',
}));

describe('command line', () => {
  it('init creates a database and reports when it is already current', async () => {
    const db = path.join(tempDir(), '台账.db');
    expect(await cli('init', '--db', db)).toMatchObject({ code: 0, stdout: expect.stringContaining('已创建数据库') });
    expect(await cli('init', '--db', db)).toMatchObject({ code: 0, stdout: expect.stringContaining('已是最新版本') });
  });

  it('imports, prints statistics as JSON with the seed figures, and exports', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'a.db');
    await cli('init', '--db', db);
    const file = await ledger(dir, SEED_000_ROWS);

    const dry = await cli('import', file, '--db', db, '--session', '区六届人大四次会议', '--year', '2019', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('试导入（未写入数据库）：将新增 114 件');
    expect((await cli('sessions', '--db', db)).stdout).toContain('还没有会议');

    const real = await cli('import', file, '--db', db, '--session', '区六届人大四次会议', '--year', '2019');
    expect(real).toMatchObject({ code: 0, stdout: expect.stringContaining('已新增 114 件') });

    const json = await cli('stats', '--db', db, '--session', '区六届人大四次会议', '--json');
    expect(json.code).toBe(0);
    const stats = JSON.parse(json.stdout);
    expect(stats.total).toBe(114);
    expect(stats.byResult).toEqual([
      { code: 'A', label: '解决采纳', count: 84, percent: '73.7' },
      { code: 'B', label: '正在解决', count: 13, percent: '11.4' },
      { code: 'C', label: '计划解决', count: 6, percent: '5.3' },
      { code: 'D', label: '留作参考', count: 11, percent: '9.6' },
    ]);
    expect(stats.byCategory).toEqual([
      { label: '经济发展', count: 40, percent: '35.1' },
      { label: '城市建设与管理', count: 74, percent: '64.9' },
    ]);
    expect(stats.feedback[0]).toEqual({ label: '满意', count: 114, percent: '100.0' });
    expect(Object.keys(stats.rates)).toEqual([
      'answered',
      'onTime',
      'closed',
      'published',
      'met',
      'satisfied',
      'resolution',
      'agreed',
    ]);
    // This ledger rates the handling once: no opinion of the result, so no 同意率.
    expect(stats.rates.agreed).toMatchObject({ label: '同意率', denominator: 0, available: false });
    expect(stats.rates.resolution).toMatchObject({ label: '解决率', numerator: 97, denominator: 114, percent: '85.1' });
    expect(stats.rates.published).toMatchObject({ numerator: 99, denominator: 114, percent: '86.8' });

    const two = JSON.parse(
      (await cli('stats', '--db', db, '--session', '区六届人大四次会议', '--json', '--decimals', '2')).stdout,
    );
    expect(two.rates.resolution.percent).toBe('85.09');
    const zero = JSON.parse(
      (
        await cli(
          'stats',
          '--db',
          db,
          '--session',
          '区六届人大四次会议',
          '--json',
          '--decimals',
          '0',
          '--rounding',
          'largest-remainder',
        )
      ).stdout,
    );
    expect(zero.byResult.map((r: { percent: string }) => r.percent)).toEqual(['74', '11', '5', '10']);

    const text = await cli('stats', '--db', db, '--session', '区六届人大四次会议');
    expect(text.stdout).toMatch(/解决率\s+85\.1%\s+97\/114/);

    const exported = path.join(dir, '导出.xlsx');
    expect((await cli('export', exported, '--db', db, '--session', '区六届人大四次会议')).code).toBe(0);
    expect(fs.existsSync(exported)).toBe(true);
    const back = await cli('import', exported, '--db', db, '--session', '区六届人大四次会议');
    expect(back.stdout).toContain('114 件不变');
  });

  it('exits non-zero with every import error on stderr and imports nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'a.db');
    await cli('init', '--db', db);
    const file = await ledger(dir, [
      { 建议号: '1', 标题: '甲', 答复日期: '2019-13-45' },
      { 建议号: '1', 标题: '乙', 办理结果: '差不多' },
    ]);
    const result = await cli('import', file, '--db', db, '--session', '会议', '--year', '2019');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('台账有 3 处错误，未导入任何数据');
    expect(result.stderr).toContain('第2行「答复日期」无法识别：2019-13-45');
    expect(result.stderr).toContain('第3行「建议号」与第2行重复：1');
    expect(result.stderr).toContain('第3行「办理结果」无法识别：差不多');
    expect((await cli('sessions', '--db', db)).stdout).toContain('还没有会议');
  });

  it('explains usage mistakes with exit code 2', async () => {
    expect(await cli('stats', '--session', 'x')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('缺少必需的选项 --db'),
    });
    expect(await cli('stats', '--db', 'x.db', '--bogus')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('未知的选项 --bogus'),
    });
    expect(await cli('frobnicate')).toMatchObject({ code: 2, stderr: expect.stringContaining('未知的命令「frobnicate」') });
    expect(await cli('stats', '--db', 'x.db', '--session', 'x', '--decimals', '5')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--decimals 应为 0 到 3 之间的整数'),
    });
    expect(await cli('import', 'a.xlsx', '--db', 'x.db', '--session', 's', '--year', '19')).toMatchObject({ code: 2 });
    expect((await cli()).stdout).toContain('建议办理助手 命令行');
  });

  it('names the missing session and the ones that exist', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'a.db');
    await cli('init', '--db', db);
    await cli('import', await ledger(dir, [{ 建议号: '1', 标题: '甲' }]), '--db', db, '--session', '甲会议', '--year', '2024');
    expect(await cli('stats', '--db', db, '--session', '乙会议')).toMatchObject({
      code: 1,
      stderr: '错误：找不到会议「乙会议」。数据库中现有的会议：甲会议。',
    });
  });

  it('refuses a database from a newer version', async () => {
    const db = path.join(tempDir(), 'new.db');
    await cli('init', '--db', db);
    const raw = new Database(db);
    raw.pragma('user_version = 999');
    raw.close();
    expect(await cli('stats', '--db', db, '--session', 'x')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('由更新版本的建议办理助手创建'),
    });
  });

  it('demo writes a realistic database, the ledgers and the statistics', async () => {
    const out = tempDir();
    const result = await cli('demo', '--out', out, '--today', '2024-07-15');
    expect(result.code).toBe(0);
    const files = fs.readdirSync(out);
    expect(files).toEqual(
      expect.arrayContaining([
        'demo.db',
        '台账-区七届人大三次会议.xlsx',
        '台账-区七届人大二次会议.xlsx',
        '统计-区七届人大三次会议.json',
      ]),
    );
    const stats = JSON.parse(fs.readFileSync(path.join(out, '统计-区七届人大三次会议.json'), 'utf8'));
    expect(stats.total).toBe(260);
    expect(stats.byCategory).toHaveLength(5);
    expect(stats.byUnit.length).toBeGreaterThan(15);
    expect(stats.comparison.previousSession).toBe('区七届人大二次会议');
    expect(stats.deadlines.counts['on-time']).toBeGreaterThan(150);
    // Every file and folder it lists is there under the name it prints.
    const listed = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('  /'))
      .map((line) => line.trim().replace(/[\\/]?（.*$/, ''));
    expect(listed.length).toBeGreaterThanOrEqual(10);
    for (const file of listed) expect(fs.existsSync(file), file).toBe(true);
    expect(listed).toEqual(expect.arrayContaining([path.join(out, '答复函'), path.join(out, '统计表-区七届人大三次会议.docx')]));
    // The same day gives the same demo.
    const again = tempDir();
    await cli('demo', '--out', again, '--today', '2024-07-15');
    expect(JSON.parse(fs.readFileSync(path.join(again, '统计-区七届人大三次会议.json'), 'utf8'))).toEqual(stats);
  });

  it('the installed bin exits non-zero with the message on stderr', () => {
    const result = spawnSync(
      process.execPath,
      ['bin/jianyi.js', 'stats', '--db', path.join(tempDir(), 'none.db'), '--session', 'x'],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('找不到数据库文件');
    // A whole session's letters through the bundle, whose worker threads load dist/letter-worker.mjs.
    const out = tempDir();
    expect(
      spawnSync(process.execPath, ['bin/jianyi.js', 'demo', '--out', out, '--today', '2024-07-15'], { encoding: 'utf8' }).status,
    ).toBe(0);
    const letters = spawnSync(
      process.execPath,
      ['bin/jianyi.js', 'letters', ...demoSession(path.join(out, 'demo.db')), '--out', path.join(out, 'again')],
      {
        encoding: 'utf8',
      },
    );
    expect(letters.stdout).toContain('已生成答复函 260 份');
    expect(fs.readdirSync(path.join(out, 'again'))).toHaveLength(260);
    const help = spawnSync(process.execPath, ['bin/jianyi.js', 'help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('import');
    // Each command name stands apart from its description, the long ones too.
    for (const name of ['rectification', 'templates', 'import'])
      expect(help.stdout).toMatch(new RegExp(`^  ${name} {2,}\\S`, 'm'));
  });
});

describe('document commands', () => {
  it('letters, report, rectification and templates', async () => {
    const out = tempDir();
    await cli('demo', '--out', out, '--today', '2024-07-15');
    const db = path.join(out, 'demo.db');
    const files = fs.readdirSync(path.join(out, '答复函'));
    expect(files).toHaveLength(260);
    expect(files[0]).toMatch(/^0001-关于.*的建议\.docx$/);
    expect(fs.existsSync(path.join(out, '办理情况报告-区七届人大三次会议.docx'))).toBe(true);
    expect(fs.existsSync(path.join(out, '审议意见办理报告和整改清单.docx'))).toBe(true);

    // Two letters, zipped; the same two with their feedback forms, each counted.
    for (const [folder, extra, said] of [
      ['sel', ['--zip', path.join(out, 'sel.zip')], '已生成答复函 2 份，'],
      ['forms', ['--feedback-forms'], '已生成答复函 2 份、征询意见表 2 份，'],
    ] as const) {
      const letters = await cli('letters', ...demoSession(db), '--out', path.join(out, folder), '--only', '12,0015', ...extra);
      expect(letters).toMatchObject({ code: 0, stdout: expect.stringContaining(said) });
    }
    expect(fs.readdirSync(path.join(out, 'sel')).map((f) => f.slice(0, 4))).toEqual(['0012', '0015']);
    const opinions = await cli('letters', ...demoSession(db), '--out', path.join(out, 'co'), '--cohandling', '--only', '1');
    expect(opinions.stdout).toMatch(/已生成会办意见 \d+ 份/);

    const report = path.join(out, '报告.docx');
    expect(await cli('report', ...demoSession(db), '--out', report, '--today', '2024-07-15')).toMatchObject({ code: 0 });
    expect(await cli('report', ...demoSession(db), '--out', path.join(out, '报告.doc'))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('应以 .docx 结尾'),
    });
    expect(await cli('report', ...demoSession(db), '--out', report, '--template', '答复函（信函格式）')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('是答复函模板，不能用来生成办理情况报告'),
    });
    const rect = await cli(
      'rectification',
      '--db',
      db,
      '--opinion',
      '区七届人大二次会议建议办理情况报告审议意见',
      '--out',
      path.join(out, '整改.docx'),
    );
    expect(rect.code).toBe(0);
    expect(await cli('rectification', '--db', db, '--opinion', '没有这个', '--out', path.join(out, '整改.docx'))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('找不到审议意见「没有这个」'),
    });

    const list = await cli('templates', 'list');
    expect(list.stdout).toContain('答复函（信函格式）');
    expect(list.stdout).toContain('{{percentOf 24 67}}');
    const good = writeFile(out, 'good.md', fs.readFileSync('templates/reply-letter.md', 'utf8'));
    expect(await cli('templates', 'check', good)).toMatchObject({ code: 0, stdout: expect.stringContaining('没有发现问题') });
    // With the database, the template is also filled with the clerk's own records and measured.
    const measured = await cli('templates', 'check', good, '--db', db);
    expect(measured).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(
        /用「区七届人大三次会议」中单位和署名最多的第 \d+ 号代表建议的实际数据填写：约 [\d,]+ 字，约 \d+ 页/,
      ),
    });
    const nested = writeFile(
      out,
      'nested.md',
      '---\nname: 嵌套\nkind: annual-report\n---\n# 报告\n\n' +
        '{{#each @root.units}}'.repeat(8) +
        '{{unit}}' +
        '{{/each}}'.repeat(8) +
        '\n',
    );
    expect(await cli('templates', 'check', nested)).toMatchObject({ code: 0 });
    expect(await cli('templates', 'check', nested, '--db', db, '--session', '区七届人大三次会议')).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('已用示例数据生成成功'),
      stderr: expect.stringContaining('内容超过 300 万字'),
    });
    expect(await cli('templates', 'check', nested, '--session', '区七届人大三次会议')).toMatchObject({ code: 2 });
    const bad = writeFile(
      out,
      'bad.md',
      fs.readFileSync('templates/reply-letter.md', 'utf8').replace('{{unit.fullName}}', '{{unit.fullname}}'),
    );
    expect(await cli('templates', 'check', bad)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/第8行第3列：数据中没有「fullname」这个字段/),
    });
  });
});
