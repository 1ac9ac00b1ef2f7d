import type { Dayjs } from 'dayjs';

/** The day a date picker holds, as 2024-11-20, or null when it is empty. */
export const dayOf = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** What a clerk types into a date picker: shown as the first, read in any of them. */
export const TYPED_DATE_FORMATS = ['YYYY-MM-DD', 'YYYY/M/D', 'YYYY.M.D', 'YYYY年M月D日', 'YYYYMMDD', 'YYYY-M-D'];
