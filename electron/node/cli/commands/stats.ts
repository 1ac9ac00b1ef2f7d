import { withExistingStore } from '../open';
import { RATE_KEYS } from '../../../common/domain/session';
import { termsOf } from '../../../common/domain/terms';
import { NOT_PROVIDED } from '../../../common/stats/metrics';
import type { Decimals, RoundingMethod } from '../../../common/stats/rounding';
import { sessionStatistics } from '../../stats/session-statistics';
import { type SessionStatistics } from '../../../common/stats/statistics';
import { parseCommandArgs, required, roundingOptions, switchOptions, todayOption, valueOptions } from '../args';
import { table, type Output } from '../output';

export const statsUsage =
  '用法：jianyi stats --db 数据库文件 --session 会议名称 [--decimals 0-3] [--rounding half-up|largest-remainder] [--today 日期] [--json]';

const ROUNDING_WORDS: Record<RoundingMethod, string> = {
  'half-up': '四舍五入',
  'largest-remainder': '最大余数法（各项之和为100%）',
};

/** The figures as a clerk reads them in a terminal. */
export function formatStatistics(stats: SessionStatistics, member = '代表'): string {
  const lines: string[] = [];
  // A fact no ledger column gave is not printed as a figure: no "0 件", no "0.0%".
  const notGiven = `  ${NOT_PROVIDED}`;
  const pct = (p: string) => `${p}%`;
  lines.push(`会议：${stats.session.name}（${stats.session.year}年），共 ${stats.total} 件，已答复 ${stats.answered} 件。`);
  lines.push(`百分比保留 ${stats.options.decimals} 位小数，${ROUNDING_WORDS[stats.options.rounding]}。`);

  lines.push('', '按类别（占全部）');
  if (!stats.recorded.category) lines.push(notGiven);
  else
    lines.push(
      table(
        stats.byCategory.map((r) => ['  ' + r.label, `${r.count} 件`, pct(r.percent)]),
        [1, 2],
      ),
    );

  lines.push('', `按办理结果（占${stats.resultBase.words} ${stats.resultBase.count} 件）`);
  if (!stats.recorded.result) lines.push(notGiven);
  else
    lines.push(
      table(
        stats.byResult.map((r) => ['  ' + (r.code ?? '—'), r.label, `${r.count} 件`, pct(r.percent)]),
        [2, 3],
      ),
    );

  lines.push('', `${member}评价（占已反馈 ${stats.feedbackReturned} 件；未反馈或未表态 ${stats.feedbackNotReturned} 件）`);
  if (!stats.recorded.feedback) lines.push(notGiven);
  else if (stats.feedback.length === 0) lines.push('  尚无评价。');
  else
    lines.push(
      table(
        stats.feedback.map((r) => ['  ' + r.label, `${r.count} 件`, pct(r.percent)]),
        [1, 2],
      ),
    );

  lines.push('', '各项比率');
  const previousName = stats.comparison.previousSession ? `（${stats.comparison.previousSession}）` : '';
  lines.push(
    table(
      RATE_KEYS.map((key) => {
        const r = stats.rates[key];
        const change = stats.comparison.rates[key];
        const against = change
          ? `上年${change.source === 'baseline' ? '（手工录入）' : previousName}${change.previous}%，${change.text}`
          : '';
        if (!r.available) return ['  ' + r.label, NOT_PROVIDED, '', '', ''];
        return ['  ' + r.label, r.denominator === 0 ? '—' : pct(r.percent), `${r.numerator}/${r.denominator}`, r.basis, against];
      }),
      [1, 2],
    ),
  );

  if (stats.byUnit.length > 0) {
    lines.push('', '按承办单位');
    const codes = stats.byUnit[0]!.results.map((r) => r.code);
    lines.push(
      table(
        [
          ['  单位', '主办', '会办', ...codes, '按期答复率', '满意率'],
          ...stats.byUnit.map((u) => [
            '  ' + u.unit,
            String(u.leadCount),
            String(u.coCount),
            ...u.results.map((r) => String(r.count)),
            u.leadCount ? pct(u.onTimeRate.percent) : '—',
            u.feedbackReturned ? pct(u.satisfiedRate.percent) : '—',
          ]),
        ],
        [1, 2, 3, 4, 5, 6, 7, 8],
      ),
    );
  }

  const d = stats.deadlines;
  lines.push(
    '',
    `办理期限（截至 ${d.today}）：按期答复 ${d.counts['on-time']} 件，逾期答复 ${d.counts.late} 件，已逾期未答复 ${d.counts.overdue} 件，即将到期 ${d.counts['due-soon']} 件，办理中 ${d.counts.pending} 件，未定期限 ${d.counts['no-deadline']} 件。`,
  );
  for (const item of d.urgent.slice(0, 20)) {
    const when = item.daysLeft! < 0 ? `已逾期 ${-item.daysLeft!} 天` : `还剩 ${item.daysLeft} 天`;
    lines.push(`  ${item.number} ${item.title}（期限 ${item.deadline}，${when}）`);
  }
  if (d.urgent.length > 20) lines.push(`  ……另有 ${d.urgent.length - 20} 件`);
  return lines.join('\n');
}

/** The --json shape: the documented keys first, then everything else the engine knows. */
export function statisticsJson(stats: SessionStatistics): unknown {
  return {
    session: stats.session,
    options: stats.options,
    total: stats.total,
    answered: stats.answered,
    byCategory: stats.byCategory,
    byResult: stats.byResult,
    resultBase: stats.resultBase,
    feedback: stats.feedback,
    feedbackScale: stats.feedbackScale,
    feedbackReturned: stats.feedbackReturned,
    feedbackNotReturned: stats.feedbackNotReturned,
    rates: stats.rates,
    comparison: stats.comparison,
    byUnit: stats.byUnit,
    deadlines: stats.deadlines,
    recorded: stats.recorded,
  };
}

export async function statsCommand(args: string[], io: Output): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { ...valueOptions('db', 'session', 'decimals', 'rounding', 'today'), ...switchOptions('json') },
    statsUsage,
  );
  const options = roundingOptions(values.decimals, values.rounding);
  const day = todayOption(values.today);
  const dbFile = required(values.db, 'db', statsUsage);
  const sessionName = required(values.session, 'session', statsUsage);
  return withExistingStore(dbFile, (store) => {
    const session = store.sessions.getByName(sessionName);
    const stats = sessionStatistics(store, session, day, options);
    io.out(values.json ? JSON.stringify(statisticsJson(stats), null, 2) : formatStatistics(stats, termsOf(session.kind).member));
    return 0;
  });
}
