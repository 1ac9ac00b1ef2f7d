import { Timeline, Typography } from 'antd';
import type { Detail } from './types';

interface Change {
  header: string;
  before: string;
  after: string;
  cleared?: boolean;
}

/** The field changes an import logged (「办理结果」：正在解决 → 解决采纳), or none. */
function changesOf(details: unknown): Change[] {
  if (typeof details !== 'object' || details === null || !('changes' in details)) return [];
  const { changes } = details as { changes: unknown };
  if (!Array.isArray(changes)) return [];
  return changes.filter(
    (c): c is Change =>
      typeof c === 'object' &&
      c !== null &&
      typeof c.header === 'string' &&
      typeof c.before === 'string' &&
      typeof c.after === 'string',
  );
}

const shown = (value: string) => (value === '' ? '（空白）' : value.length > 40 ? `${value.slice(0, 40)}……` : value);

/** 修改记录: when, by whom and what was changed, as the proposal's log holds it. */
export function HistoryTab({ events }: { events: Detail['events'] }) {
  return (
    <Timeline
      items={events.map((e) => ({
        children: (
          <>
            {`${e.at.slice(0, 19).replace('T', ' ')}  ${e.actor}  ${e.action}`}
            {changesOf(e.details).map((c, i) => (
              <Typography.Text key={i} type="secondary" style={{ display: 'block' }} data-testid="history-change">
                {`「${c.header}」：${shown(c.before)} → ${c.cleared ? '（清空）' : shown(c.after)}`}
              </Typography.Text>
            ))}
          </>
        ),
      }))}
    />
  );
}
