import { kindLabel } from '../../../common/domain/session';
import { withExistingStore } from '../open';
import { parseCommandArgs, valueOptions, required } from '../args';
import { table, type Output } from '../output';

export const sessionsUsage = '用法：jianyi sessions --db 数据库文件';

export async function sessionsCommand(args: string[], io: Output): Promise<number> {
  const { values } = parseCommandArgs(args, valueOptions('db'), sessionsUsage);
  return withExistingStore(required(values.db, 'db', sessionsUsage), (store) => {
    const sessions = store.sessions.list();
    if (sessions.length === 0) {
      io.out('数据库中还没有会议。用 import 导入台账时加 --year 即可新建会议。');
      return 0;
    }
    io.out(
      table(
        [
          ['会议', '年份', '类型', '件数'],
          ...sessions.map((s) => [s.name, String(s.year), kindLabel(s.kind), String(store.proposals.countBySession(s.id))]),
        ],
        [1, 3],
      ),
    );
    return 0;
  });
}
