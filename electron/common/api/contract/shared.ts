import { z } from 'zod';
import { stripNotXml } from '../../domain/text';
import { SESSION_YEARS } from '../../domain/session';

/** The zod pieces every domain's schemas are built from. */

export const id = z.number().int().positive();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
export const resultCode = z.enum(['A', 'B', 'C', 'D']);
/**
 * Text the clerk typed or pasted. What XML forbids (U+FFFF, a stray control, half a surrogate
 * pair) is dropped on the way in, before the length is checked: it is invisible, and it would
 * make every document and ledger export holding it unreadable.
 */
export const text = (max: number) => z.string().overwrite(stripNotXml).max(max);
export const sessionKind = z.enum(['npc', 'cppcc']);
export const year = z.number().int().min(SESSION_YEARS.min).max(SESSION_YEARS.max);

/**
 * A template chosen in the UI is a name from the template library, never a path: the library
 * would otherwise read a .md file from anywhere on disk (the CLI's --template FILE does that on
 * purpose; the renderer must not).
 */
export const templateName = text(200).refine((name) => !/[/\\]/.test(name) && !/\.md$/i.test(name), {
  message: '模板应按名称选择，不能是文件路径',
});

/**
 * The input of an operation that takes none: nothing, or an empty object. Strict, so that a
 * payload with fields (a mistake, or an attack) is refused rather than silently ignored.
 */
export const noInput = z.strictObject({});

/** A value the main process produces: typed for the renderer, not re-checked at run time. */
export const produced = <T>() => z.custom<T>(() => true);

/** A file the clerk chose, sent whole: its name and its bytes. */
export const fileUpload = z.object({
  fileName: text(260).min(1),
  /** The file's bytes, base64. */
  contentBase64: z.string().max(150_000_000),
});

/**
 * Where one document goes: a path typed or chosen (a relative one is in the clerk's documents
 * folder), and what the clerk confirmed: replacing the file there, creating its folder.
 */
export const documentOut = {
  out: text(1000).min(1, '请填写保存的文件'),
  overwrite: z.boolean().optional(),
  createFolder: z.boolean().optional(),
};

/** What every operation of the contract is: a schema for its input and one for its output. */
export interface Operation {
  input: z.ZodType;
  output: z.ZodType;
}
