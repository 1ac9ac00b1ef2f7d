import { Button, Input, Space } from 'antd';

type Pick = 'folder' | 'save' | 'open';

/**
 * A file or folder path. In the desktop app a "选择…" button opens the system dialog; in a
 * browser (tests, the web fallback) the path is typed.
 */
interface PathInputProps {
  value: string;
  onChange: (value: string) => void;
  pick: Pick;
  placeholder?: string;
  extensions?: string[];
  width?: number;
  testId?: string;
}

export function PathInput(props: PathInputProps) {
  const native = window.jianyiNative;
  const choose = async () => {
    if (!native) return;
    const filters = props.extensions ? [{ name: props.extensions.join('、'), extensions: props.extensions }] : undefined;
    const picked =
      props.pick === 'folder'
        ? await native.pickFolder({ defaultPath: props.value || undefined })
        : props.pick === 'save'
          ? await native.pickSaveFile({ defaultPath: props.value || undefined, filters })
          : await native.pickOpenFile({ filters });
    if (typeof picked === 'string') props.onChange(picked);
  };
  return (
    <Space.Compact>
      <Input
        style={{ width: props.width ?? 420 }}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
        data-testid={props.testId}
      />
      {native && <Button onClick={choose}>选择…</Button>}
    </Space.Compact>
  );
}

/** Where a generated document (.docx) is saved. */
export function DocxPathInput(props: Omit<PathInputProps, 'pick' | 'extensions'>) {
  return <PathInput {...props} pick="save" extensions={['docx']} />;
}

/** A database file (.db) to save to or to open. */
export function DatabasePathInput(props: Omit<PathInputProps, 'pick' | 'extensions'> & { pick: 'save' | 'open' }) {
  return <PathInput {...props} extensions={['db']} />;
}
