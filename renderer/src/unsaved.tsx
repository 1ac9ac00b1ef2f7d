import { App } from 'antd';
import { useCallback, useEffect } from 'react';

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
