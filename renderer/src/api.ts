import type { Input, OperationName, Output, Result } from '../../electron/common/api/contract';

/**
 * The UI's one way to the main process. In the desktop app the preload script exposes one
 * function per operation on window.jianyi (over IPC); in a browser the same operations are
 * served by the loopback HTTP bridge. Errors come back as values and are thrown here as ApiError
 * with the Chinese message.
 */

export class ApiError extends Error {
  constructor(
    message: string,
    readonly details: string[],
    /** 'exists' or 'no-folder': the screen may ask and try again with overwrite / createFolder. */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

type Bridge = { [N in OperationName]?: (input: unknown) => Promise<Result<unknown>> };

/** Desktop-only functions (native dialogs, opening files); absent in a browser. */
type Native = Record<
  'pickFolder' | 'pickSaveFile' | 'pickOpenFile' | 'openPath' | 'showInFolder',
  (arg?: unknown) => Promise<unknown>
>;

declare global {
  interface Window {
    jianyi?: Bridge;
    jianyiNative?: Native;
  }
}

async function transport(name: OperationName, input: unknown): Promise<Result<unknown>> {
  const ipc = window.jianyi?.[name];
  if (ipc) return ipc(input);
  const response = await fetch(`./api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  // A refusal of the bridge itself (not signed in, too many uploads at once) says why in JSON.
  const answer = (await response.json().catch(() => null)) as Result<unknown> | null;
  if (answer && typeof answer === 'object' && 'ok' in answer) return answer;
  return { ok: false, error: { message: `服务没有响应（${response.status}）。`, details: [] } };
}

export async function call<N extends OperationName>(name: N, input: Input<N>): Promise<Output<N>> {
  const result = await transport(name, input);
  if (!result.ok) throw new ApiError(result.error.message, result.error.details, result.error.code ?? null);
  return result.value as Output<N>;
}

/** Reads a picked file as base64 for upload. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBlob(base64: string, type: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

export function download(fileName: string, base64: string, type: string): void {
  const url = URL.createObjectURL(base64ToBlob(base64, type));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
