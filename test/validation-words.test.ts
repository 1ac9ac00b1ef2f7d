// Every message a clerk can see about a refused input is written for a clerk: the field by its
// name, what is wrong and what is allowed, never the schema library's words.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, OPERATION_NAMES } from '../electron/common/api/contract';
import { dispatch } from '../electron/node/api/dispatch';
import { createHandlers } from '../electron/node/api/handlers';
import { describeIssue, hasFieldWord } from '../electron/common/api/validation-words';
import { newStore } from './helpers/fixtures';

/** Every object key of a schema, however deep (optional, nullable, arrays, unions, records). */
function keysOf(schema: z.ZodType, seen = new Set<z.ZodType>()): Set<string> {
  const keys = new Set<string>();
  if (seen.has(schema)) return keys;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const visit = (inner: unknown) => {
    if (inner && typeof inner === 'object' && '_zod' in inner) for (const k of keysOf(inner as z.ZodType, seen)) keys.add(k);
  };
  if (def.type === 'object') {
    for (const [key, value] of Object.entries((schema as z.ZodObject).shape)) {
      keys.add(key);
      visit(value);
    }
  }
  for (const name of ['innerType', 'element', 'valueType', 'in', 'out']) visit(def[name]);
  if (Array.isArray(def.options)) for (const option of def.options) visit(option);
  return keys;
}

const LIBRARY_WORDS = /期望|实际接收|无效输入|无效选项|数值过|出现未知|expected|received|invalid input/i;

describe('validation messages', () => {
  it('name every field of every operation in words the screens use', () => {
    const unnamed = new Set<string>();
    for (const name of OPERATION_NAMES)
      for (const key of keysOf(contract[name].input)) if (!hasFieldWord(key)) unnamed.add(`${name}.${key}`);
    expect([...unnamed]).toEqual([]);
  });

  it('say what is wrong and what is allowed, without the library’s words', () => {
    const schema = z.object({
      year: z.number().int().min(1949).max(2200),
      title: z.string().min(1).max(500),
      replyDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      resultCode: z.enum(['A', 'B', 'C', 'D']),
      published: z.boolean(),
    });
    const issues = schema.safeParse({ year: 1800, title: '', replyDate: '2024/11/20', resultCode: 'E', published: 'yes' }).error!
      .issues;
    expect(issues.map(describeIssue)).toEqual([
      '「年份」不能小于 1949',
      '「标题」不能为空',
      '「答复日期」应为日期（如 2024-11-20）',
      '「办理结果」只能是 A、B、C、D 之一',
      '「是否公开」应填“是”或“否”',
    ]);
    const more = schema.safeParse({ year: 20260, title: 'x'.repeat(501), replyDate: '', resultCode: 'A', published: true }).error!
      .issues;
    expect(more.map(describeIssue)).toEqual([
      '「年份」不能大于 2200',
      '「标题」太长：最多 500 个字',
      '「答复日期」应为日期（如 2024-11-20）',
    ]);
    expect(describeIssue(z.number().int().safeParse(1.5).error!.issues[0]!)).toBe('提交的内容应为整数');
  });

  it('reach the clerk through every operation in Chinese only', async () => {
    const store = await newStore();
    const handlers = createHandlers({ store, databaseFile: store.file, today: () => '2024-07-15', version: 'test' });
    for (const name of OPERATION_NAMES) {
      for (const payload of [{ id: 'x', sessionId: -1, year: 1800, file: 5, source: 7, fields: 'y', name: '' }, [1]]) {
        const result = await dispatch(handlers, name, payload);
        if (result.ok) continue;
        for (const line of [result.error.message, ...result.error.details]) {
          expect(line, `${name}: ${line}`).not.toMatch(LIBRARY_WORDS);
          expect(line).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    }
  });
});
