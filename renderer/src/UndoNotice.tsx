import { Alert, App, Button } from 'antd';
import type { UndoStatus } from '../../electron/common/api/contract';
import { useEffect, useState } from 'react';
import { call } from './api';
import { useReportError } from './hooks';

/**
 * Shown right after an import or a deletion: where the backup taken before it is, and a button
 * that undoes it (restores that backup) while nothing else has been saved. After undoing, the
 * window reloads, since every screen's data has changed.
 */
export function UndoNotice({ status, done }: { status: UndoStatus; done: string }) {
  const { modal, message } = App.useApp();
  const report = useReportError();
  const undo = () =>
    modal.confirm({
      title: `撤销「${status.action}」？`,
      content: `将恢复这之前的自动备份「${status.backup}」。现在的数据会先另存一份备份，可以再恢复回来。`,
      okText: '撤销',
      cancelText: '不撤销',
      onOk: async () => {
        try {
          const { undone, savedCurrentAs } = await call('undo.last', { backup: status.backup });
          message.success(`已撤销「${undone}」；撤销前的数据另存为 ${savedCurrentAs}`);
          setTimeout(() => window.location.reload(), 800);
        } catch (error) {
          report(error);
        }
      },
    });
  return (
    <Alert
      type={status.blocked ? 'warning' : 'success'}
      showIcon
      data-testid="undo-notice"
      message={done}
      description={status.blocked ?? `这之前的数据已自动备份在「${status.backup}」。`}
      action={
        status.blocked ? undefined : (
          <Button onClick={undo} data-testid="undo-last">
            撤销{status.action.startsWith('导入') ? '这次导入' : '删除'}
          </Button>
        )
      }
    />
  );
}

/**
 * The last import or deletion, asked of the main process when a screen opens: the notice comes
 * back after the clerk left the screen and returned, while the change can still be undone.
 */
export function LastUndoNotice() {
  const [status, setStatus] = useState<UndoStatus | null>(null);
  useEffect(() => {
    let live = true;
    call('undo.status', {})
      .then((found) => live && setStatus(found && !found.blocked ? found : null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return status ? <UndoNotice status={status} done={`上一次操作：${status.action}（${status.at}）`} /> : null;
}
