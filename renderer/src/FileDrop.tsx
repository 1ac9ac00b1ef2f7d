import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import { fileToBase64 } from './api';

/** A file the clerk picked or dropped, read whole (it goes to the API as base64). */
export interface PickedFile {
  name: string;
  base64: string;
}

/**
 * One file picked or dragged in (never uploaded anywhere): `onPick` gets it read; the box names
 * the file once there is one, or says what to drop while there is none.
 */
export function FileDrop(props: {
  accept: string;
  file: PickedFile | null;
  prompt: string;
  onPick: (file: PickedFile) => void;
  testId: string;
}) {
  return (
    <Upload.Dragger
      accept={props.accept}
      maxCount={1}
      showUploadList={false}
      beforeUpload={async (picked) => {
        props.onPick({ name: picked.name, base64: await fileToBase64(picked) });
        return false;
      }}
      data-testid={props.testId}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p>{props.file ? `已选择：${props.file.name}` : props.prompt}</p>
    </Upload.Dragger>
  );
}
