import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api';

/** Shows an API error the way a clerk needs it: the message, then every detail line. */
export function useReportError() {
  const { modal } = App.useApp();
  return useCallback(
    (error: unknown) => {
      const message = error instanceof ApiError ? error.message : String((error as Error)?.message ?? error);
      const details = error instanceof ApiError ? error.details : [];
      modal.error({
        title: '操作没有完成',
        width: 640,
        content: (
          <div data-testid="error-dialog">
            <p>{message}</p>
            {details.length > 0 && (
              <ul style={{ maxHeight: 320, overflow: 'auto', paddingLeft: 20 }}>
                {details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            )}
          </div>
        ),
      });
    },
    [modal],
  );
}

/** Loads data with an API call and reloads on demand; errors go to the error dialog. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const report = useReportError();
  useEffect(() => {
    let live = true;
    setLoading(true);
    load()
      .then((value) => live && setData(value))
      .catch((error) => live && report(error))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { data, loading, reload: () => setTick((t) => t + 1) };
}

/**
 * Runs a change through the API the way every editor does: on success shows `success` (when
 * given) and calls `then` (refresh, clear a form …); on failure the error dialog. Resolves
 * whether it worked.
 */
export function useAction() {
  const { message } = App.useApp();
  const report = useReportError();
  return useCallback(
    async <T,>(action: () => Promise<T>, options: { success?: string; then?: (value: T) => void } = {}): Promise<boolean> => {
      try {
        const value = await action();
        if (options.success) message.success(options.success);
        options.then?.(value);
        return true;
      } catch (error) {
        report(error);
        return false;
      }
    },
    [message, report],
  );
}
