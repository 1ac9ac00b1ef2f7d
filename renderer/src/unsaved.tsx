import { App, type FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * What is typed and not saved yet, across the screens: closing or reloading the window asks
 * first (beforeunload; the desktop shell shows its own dialog), and so does leaving a screen.
 */
const pending = new Map<string, string>();

window.addEventListener('beforeunload', (event) => {
  if (pending.size === 0) return;
  event.preventDefault();
  // Chromium (and Electron's will-prevent-unload) need the legacy value set too.
  event.returnValue = '';
});

/** Marks `key` as holding unsaved edits (described by `what`) while `dirty` is true. */
export function useUnsaved(key: string, what: string, dirty: boolean): void {
  useEffect(() => {
    if (dirty) pending.set(key, what);
    else pending.delete(key);
    return () => {
      pending.delete(key);
    };
  }, [key, what, dirty]);
}

export function unsavedEdits(): string[] {
  return [...pending.values()];
}

/** Asks before an action that would throw unsaved edits away; resolves true to go ahead. */
export function useConfirmLeave() {
  const { modal } = App.useApp();
  return useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        const edits = unsavedEdits();
        if (edits.length === 0) return resolve(true);
        modal.confirm({
          title: '有未保存的修改',
          content: `${edits.join('；')}。离开后这些修改不会保存。`,
          okText: '放弃修改并离开',
          cancelText: '留下继续编辑',
          onOk: () => {
            pending.clear();
            discardLocalDrafts();
            resolve(true);
          },
          onCancel: () => resolve(false),
        });
      }),
    [modal],
  );
}

/** What a value holds for a clerk: '', null and undefined are all empty; members compared one by one. */
function normalized(value: unknown): unknown {
  if (value === '' || value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(normalized);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, normalized(v)] as const)
      .filter(([, v]) => v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  }
  return value;
}

/** True when two values hold the same for a clerk (so typing a value back undoes an edit). */
export function sameValues(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
}

/**
 * An antd form that asks before its edits are thrown away: `loaded()` after it was filled or saved
 * (what it holds then counts as saved), `edited()` from its onValuesChange.
 */
export function useFormUnsaved(form: FormInstance, key: string, what: string) {
  const base = useRef<unknown>(null);
  const [dirty, setDirty] = useState(false);
  useUnsaved(key, what, dirty);
  const loaded = useCallback(() => {
    base.current = JSON.parse(JSON.stringify(form.getFieldsValue(true) ?? {}));
    setDirty(false);
  }, [form]);
  const edited = useCallback(() => setDirty(!sameValues(form.getFieldsValue(true), base.current)), [form]);
  return { dirty, loaded, edited };
}

/**
 * Asks before a switch inside a screen (another record, another template) throws the unsaved
 * `what` away; resolves true to go ahead.
 */
export function useConfirmDiscard() {
  const { modal } = App.useApp();
  return useCallback(
    (what: string) =>
      new Promise<boolean>((resolve) => {
        modal.confirm({
          title: '有未保存的修改',
          content: `${what}还没有保存。切换后这些修改不会保存。`,
          okText: '放弃修改',
          cancelText: '留下继续编辑',
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      }),
    [modal],
  );
}

/**
 * Copies of what an editor holds, kept in the browser's storage as the clerk types, so that a
 * reload or a crash brings them back. Removed on save and on an explicit discard.
 */
const DRAFT_PREFIX = 'jianyi.draft.';

export function saveLocalDraft(key: string, value: unknown): void {
  try {
    localStorage.setItem(DRAFT_PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the in-memory guard still asks before anything is lost.
  }
}

export function loadLocalDraft<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(DRAFT_PREFIX + key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

export function dropLocalDraft(key: string): void {
  localStorage.removeItem(DRAFT_PREFIX + key);
}

export function discardLocalDrafts(): void {
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (key?.startsWith(DRAFT_PREFIX)) localStorage.removeItem(key);
  }
}
