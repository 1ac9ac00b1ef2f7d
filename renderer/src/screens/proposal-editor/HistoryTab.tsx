import { Timeline } from 'antd';
import type { Detail } from './types';

/** 修改记录: when, by whom and what was changed, as the proposal's log holds it. */
export function HistoryTab({ events }: { events: Detail['events'] }) {
  return (
    <Timeline
      items={events.map((e) => ({
        children: `${e.at.slice(0, 19).replace('T', ' ')}  ${e.actor}  ${e.action}`,
      }))}
    />
  );
}
