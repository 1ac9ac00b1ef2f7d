import { Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../../api';
import { useWriteFile } from '../../confirm-write';
import { PathInput } from '../../PathInput';

/**
 * 导出台账: the session's ledger written to a file the clerk names (streamed by the main process,
 * so a session of any size fits), asked before a file is replaced or a folder made.
 */
export function ExportLedger({ session }: { session: { id: number; name: string } }) {
  const [open, setOpen] = useState(false);
  const [out, setOut] = useState('');
  const writeFile = useWriteFile();
  const start = () => {
    setOut(`台账-${session.name.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`);
    setOpen(true);
  };
  const save = () =>
    writeFile(
      (flags) => call('ledger.export', { sessionId: session.id, out, ...flags }),
      ({ file, rows }) => {
        setOpen(false);
        return `已导出 ${rows} 件：「${file}」`;
      },
    );
  return (
    <>
      <Button onClick={start} data-testid="export-ledger">
        导出「{session.name}」的台账
      </Button>
      <Modal
        open={open}
        title={`导出「${session.name}」的台账`}
        okText="导出"
        cancelText="取消"
        onOk={save}
        onCancel={() => setOpen(false)}
        okButtonProps={{ disabled: !out.trim(), id: 'export-ledger-save' }}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <PathInput value={out} onChange={setOut} pick="save" extensions={['xlsx']} width={380} testId="export-ledger-out" />
          <Typography.Text type="secondary">
            只写文件名时保存在“文档”文件夹；导出的台账可以在 Excel 或 WPS 里修改后再导入。
          </Typography.Text>
        </Space>
      </Modal>
    </>
  );
}
