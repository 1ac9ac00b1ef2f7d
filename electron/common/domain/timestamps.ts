import { format } from 'date-fns';

/**
 * Moments in local time, in the three forms the product writes them. (Calendar dates without a
 * time are in dates.ts.)
 */

/** For file names, sorting as they read: 20261202-093015. */
export function fileStamp(date: Date): string {
  return format(date, 'yyyyMMdd-HHmmss');
}

/** For the API and logs, local time without a zone: 2026-12-02T09:30:15. */
export function localTimestamp(date: Date): string {
  return format(date, "yyyy-MM-dd'T'HH:mm:ss");
}

/** For a sentence the clerk reads: 2026年12月2日 09:30. */
export function spokenTime(date: Date): string {
  return format(date, 'yyyy年M月d日 HH:mm');
}
