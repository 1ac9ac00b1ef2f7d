import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from './api';
import { useReportError } from './hooks';

export interface WriteFlags {
  overwrite?: boolean;
  createFolder?: boolean;
}

/**
 * Writes a file the way a careful office program does: when the file is already there, or its
 * folder is not, the main process refuses with a code; the clerk is asked (覆盖 / 新建文件夹) and
 * only then is the write tried again with that permission. Null when the clerk declines.
 */
export function useConfirmedWrite() {
  const { modal } = App.useApp();
  const ask = useCallback(
    (title: string, content: string, okText: string) =>
      new Promise<boolean>((resolve) => {
        modal.confirm({
          title,
          content,
          okText,
          cancelText: '取消',
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      }),
    [modal],
  );
  return useCallback(
    async <T,>(attempt: (flags: WriteFlags) => Promise<T>, initial: WriteFlags = {}): Promise<T | null> => {
      const flags: WriteFlags = { ...initial };
      for (;;) {
        try {
          return await attempt(flags);
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          if (error.code === 'exists' && !flags.overwrite) {
            if (!(await ask('文件已经存在', error.message, '覆盖'))) return null;
            flags.overwrite = true;
          } else if (error.code === 'no-folder' && !flags.createFolder) {
            if (!(await ask('文件夹不存在', error.message, '新建文件夹'))) return null;
            flags.createFolder = true;
          } else {
            throw error;
          }
        }
      }
    },
    [ask],
  );
}

/**
 * A write the clerk asked for, start to end: `prepare` first when given (false stops there), the
 * write through useConfirmedWrite, then `said(result)` shown; nothing when the clerk declines, and a
 * failure goes to the error dialog.
 */
export function useWriteFile() {
  const { message } = App.useApp();
  const report = useReportError();
  const confirmedWrite = useConfirmedWrite();
  return useCallback(
    async <T,>(attempt: (flags: WriteFlags) => Promise<T>, said: (done: T) => string, prepare?: () => Promise<boolean>) => {
      try {
        if (prepare && !(await prepare())) return;
        const done = await confirmedWrite(attempt);
        if (done) message.success(said(done));
      } catch (error) {
        report(error);
      }
    },
    [confirmedWrite, message, report],
  );
}
