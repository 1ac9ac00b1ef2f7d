import { parse as parseYaml, parseDocument, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { TemplateError } from './template-error';

export const TEMPLATE_KINDS = [
  'reply-letter',
  'cohandling-opinion',
  'feedback-form',
  'annual-report',
  'rectification',
  'statistics-tables',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const KIND_LABELS: Record<TemplateKind, string> = {
  'reply-letter': '答复函',
  'cohandling-opinion': '会办意见',
  'feedback-form': '征询意见表',
  'annual-report': '办理情况报告',
  rectification: '审议意见办理报告和整改清单',
  'statistics-tables': '统计表',
};

const HEADER_FORMS = ['letter', 'ordinary', 'none'] as const;
type HeaderForm = (typeof HEADER_FORMS)[number];

export const HEADER_LABELS: Record<HeaderForm, string> = {
  letter: '信函格式',
  ordinary: '普通公文版头',
  none: '无版头',
};

export const frontMatterSchema = z.object({
  name: z
    .string({ error: (issue) => (issue.input === undefined ? '缺少模板名称（name: …）' : '模板名称应当是一行文字') })
    .trim()
    .min(1, '模板名称不能为空')
    .max(60, '模板名称最多 60 个字'),
  kind: z.enum(TEMPLATE_KINDS, { message: `类型应为 ${TEMPLATE_KINDS.join('、')} 之一` }),
  header: z.enum(HEADER_FORMS, { message: `版头应为 ${HEADER_FORMS.join('、')} 之一` }).default('none'),
  orientation: z.enum(['portrait', 'landscape'], { message: '页面方向应为 portrait 或 landscape' }).default('portrait'),
  pageNumbers: z.boolean({ message: 'pageNumbers 应为 true 或 false' }).default(true),
  description: z.string({ message: '说明应当是文字' }).max(500, '说明最多 500 个字').default(''),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** The yaml library's error codes, in words a clerk understands. */
const YAML_WORDS: Record<string, string> = {
  DUPLICATE_KEY: '同一项写了两次',
  TAB_AS_INDENT: '不能用制表符（Tab）缩进',
  BAD_ALIAS: '引用（*名称）找不到对应的 &名称',
  BAD_INDENT: '缩进不对',
  MULTIPLE_DOCS: '说明部分中间不能再有「---」行',
  BAD_DQ_ESCAPE: '双引号里的反斜杠 \\ 用法不对',
};

function yamlProblem(error: unknown): string {
  const code = error instanceof YAMLParseError ? error.code : undefined;
  if (code && YAML_WORDS[code]) return YAML_WORDS[code];
  const message = error instanceof Error ? error.message : String(error);
  if (/alias/i.test(message) && /resource exhaustion|excessive/i.test(message)) {
    return '引用（*名称）展开得太多';
  }
  if (/alias/i.test(message)) return '引用（*名称）找不到对应的 &名称';
  return '应当每行写一项「名称: 值」，如「name: 答复函」';
}

interface SplitTemplate {
  meta: FrontMatter;
  /** The YAML text between the fences, as written. */
  frontText: string;
  body: string;
  /** Lines before the body (front matter and its fences), to report body lines as file lines. */
  bodyOffset: number;
}

/**
 * Separates the front matter (a YAML block between two lines of ---) from the body and checks
 * it. The fences are found line by line; the YAML itself is parsed by the yaml library.
 */
export function splitTemplate(source: string, origin: string): SplitTemplate {
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  if (lines[0]?.trim() !== '---') {
    throw new TemplateError(origin, 1, null, '模板开头缺少以「---」包围的说明部分（名称、类型、版头等）');
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) throw new TemplateError(origin, 1, null, '模板开头的说明部分没有结束的「---」行');
  let raw: unknown;
  try {
    raw = parseYaml(lines.slice(1, end).join('\n'), { logLevel: 'error' }) ?? {};
  } catch (error) {
    const line = error instanceof YAMLParseError ? (error.linePos?.[0]?.line ?? 0) + 1 : 2;
    throw new TemplateError(origin, line, null, `说明部分的格式有误：${yamlProblem(error)}`);
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new TemplateError(origin, 2, null, '说明部分的格式有误：应当每行写一项「名称: 值」，如「name: 答复函」');
  }
  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const keyLine = lines.slice(1, end).findIndex((line) => line.startsWith(`${key}:`));
    throw new TemplateError(origin, keyLine >= 0 ? keyLine + 2 : 2, null, `说明部分的「${key}」有误：${issue.message}`);
  }
  return {
    meta: parsed.data,
    frontText: lines.slice(1, end).join('\n'),
    body: lines.slice(end + 1).join('\n'),
    bodyOffset: end + 1,
  };
}

/** The same template with another name, comments and layout of the front matter kept. */
export function renameTemplate(source: string, name: string): string {
  const { frontText, body } = splitTemplate(source, name);
  const doc = parseDocument(frontText);
  doc.set('name', name);
  return `---\n${doc.toString()}---\n${body}`;
}
