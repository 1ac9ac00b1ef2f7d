import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, OPERATION_NAMES, type OperationName, type Result } from '../electron/common/api/contract';
import { dispatch } from '../electron/node/api/dispatch';
import { createHandlers } from '../electron/node/api/handlers';
import { startBridge, type Bridge } from '../electron/node/api/http-bridge';
import { newStore, tempDir } from './helpers/fixtures';

/**
 * Every operation of the API gets malformed and hostile payloads, directly through dispatch()
 * and over the HTTP bridge. Every payload is checked to be invalid before it is sent, so no
 * handler ever runs (a spy proves it): operations that write files (backups, documents, exports)
 * never see a path they could use.
 */

type Handlers = ReturnType<typeof createHandlers>;

const CJK = /[\u3400-\u9fff]/;
/** What a leaked exception looks like: stack frames, error class names, source locations. */
const STACK = /\n\s*at\s|\bat\s+\S+\s+\(|\b(Type|Reference|Range|Syntax|Internal)?Error\b|node:internal|\.[cm]?[jt]s:\d+/;
const MEGABYTE = 'x'.repeat(1024 * 1024);
const POLLUTION = '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}';

/**
 * Operations that take no input. For them no input at all (undefined, null, {}) is a valid call,
 * so these must all be reads: an operation that takes no input and changes something would run
 * from any of the payloads below. Adding one here means checking that it only reads.
 */
const READ_ONLY_WITHOUT_INPUT = new Set<string>([
  'app.info',
  'sessions.list',
  'opinions.list',
  'templates.list',
  'settings.documents.get',
  'units.list',
  'backup.list',
  'undo.status',
]);

function deepObject(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}
function deepArray(levels: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}
const deepJson = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
/** JSON text of an object with the pollution keys put first, so that JSON.parse makes them real keys. */
const pollutedJson = (value: Record<string, unknown>) =>
  Object.keys(value).length ? `${POLLUTION.slice(0, -1)},${JSON.stringify(value).slice(1)}` : POLLUTION;

/** The top-level fields an operation's input names (both branches of a discriminated union). */
function fieldsOf(schema: z.ZodType): Record<string, z.ZodType> {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  if (schema instanceof z.ZodDiscriminatedUnion) {
    return Object.assign({}, ...(schema.options as z.ZodType[]).map(fieldsOf)) as Record<string, z.ZodType>;
  }
  throw new Error(`unexpected input schema ${schema.constructor.name}`);
}

const WRONG_VALUES: unknown[] = [{ nested: { deeper: true } }, [], true, -1.5, 'NaN', null, NaN, 'Infinity', MEGABYTE];

/** One object per offset whose every field has a value of the wrong type for that field. */
function wrongTypedObjects(name: OperationName): Record<string, unknown>[] {
  const fields = fieldsOf(contract[name].input);
  return WRONG_VALUES.map((_, offset) =>
    Object.fromEntries(
      Object.entries(fields).map(([key, schema]) => {
        for (let i = 0; i < WRONG_VALUES.length; i++) {
          const candidate = WRONG_VALUES[(offset + i) % WRONG_VALUES.length];
          // Also wrong inside a discriminated union's other branch: a field must fail on its own.
          if (!schema.safeParse(candidate).success) return [key, candidate];
        }
        throw new Error(`no wrong value found for ${name}.${key}`);
      }),
    ),
  );
}

/** The payloads for one operation, each labelled. All of them are invalid for it. */
function hostilePayloads(name: OperationName): [string, unknown][] {
  const fields = Object.keys(fieldsOf(contract[name].input));
  const noInput = fields.length === 0;
  const wrong = wrongTypedObjects(name);
  const withEveryField = (value: () => unknown) => Object.fromEntries(fields.map((key) => [key, value()]));
  const payloads: [string, unknown][] = [
    ['0', 0],
    ['-1', -1],
    ['42', 42],
    ['NaN', NaN],
    ['Infinity', -Infinity],
    ['2^53', 2 ** 53],
    ['true', true],
    ['"NaN"', 'NaN'],
    ['"Infinity"', 'Infinity'],
    ['"1e309"', '1e309'],
    ['"0x1F"', '0x1F'],
    ['""', ''],
    ['1 MB string', MEGABYTE],
    ['[]', []],
    ['[1, 2]', [1, 2]],
    ['[{}]', [{}]],
    ['array of 1 MB strings', [MEGABYTE, MEGABYTE]],
    ['5,000 nested objects', deepObject(5000)],
    ['5,000 nested arrays', deepArray(5000)],
    ['__proto__ and constructor.prototype', JSON.parse(POLLUTION)],
    ['{"__proto__": {…}} alone', JSON.parse('{"__proto__":{"polluted":"yes"}}')],
    ['an unknown field', { unexpected: 1 }],
  ];
  if (!noInput) {
    payloads.push(
      ['undefined', undefined],
      ['null', null],
      ['{}', {}],
      ...wrong.map((value, i): [string, unknown] => [`every field of the wrong type (${i})`, value]),
      ['every field a 5,000-level object', withEveryField(() => deepObject(5000))],
      ['every field a pollution attempt', withEveryField(() => JSON.parse(POLLUTION))],
      ['wrong fields with __proto__ and constructor keys', JSON.parse(pollutedJson(wrong[0]!))],
      ['every field NaN', withEveryField(() => NaN)],
    );
  }
  return payloads;
}

function expectRefused(result: Result<unknown>, where: string): void {
  expect(result.ok, `${where} was accepted`).toBe(false);
  if (result.ok) return;
  const { message, details } = result.error;
  expect(message, where).toMatch(CJK);
  expect(message, where).not.toMatch(STACK);
  expect(Array.isArray(details), where).toBe(true);
  for (const detail of details) {
    expect(detail, where).toMatch(CJK);
    expect(detail, where).not.toMatch(STACK);
  }
  // No payload is echoed back: a megabyte in is not a megabyte out.
  expect(message.length + details.join('').length, where).toBeLessThan(20_000);
}

let handlers: Handlers;
const called: string[] = [];
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  // A fresh database in a temporary folder, removed after this file.
  const store = await newStore('hostile.db');
  const real = createHandlers({ store, databaseFile: store.file, today: () => '2024-07-15', version: 'test' });
  handlers = Object.fromEntries(
    Object.entries(real).map(([name, handler]) => [
      name,
      (input: unknown) => {
        called.push(name);
        return (handler as (input: unknown) => unknown)(input);
      },
    ]),
  ) as Handlers;
});

afterAll(() => {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
});

describe('malformed payloads through dispatch()', () => {
  it('the operations without input are the known read-only ones', () => {
    const withoutInput = OPERATION_NAMES.filter((name) => Object.keys(fieldsOf(contract[name].input)).length === 0);
    expect([...withoutInput].sort()).toEqual([...READ_ONLY_WITHOUT_INPUT].sort());
  });

  it.each([...OPERATION_NAMES])('%s refuses every malformed payload with a Chinese message', async (name) => {
    const payloads = hostilePayloads(name);
    expect(payloads.length).toBeGreaterThanOrEqual(22);
    for (const [label, payload] of payloads) {
      const where = `${name} ← ${label}`;
      // Never send what could pass: a valid path to backup.create would write a file.
      expect(contract[name].input.safeParse(payload ?? {}).success, `${where} is valid, not malformed`).toBe(false);
      let result: Result<unknown> | undefined;
      await expect(
        (async () => {
          result = await dispatch(handlers, name, payload);
        })(),
        where,
      ).resolves.toBeUndefined();
      expectRefused(result!, where);
      expect(result).toMatchObject({ ok: false, error: { message: '填写的内容有误，操作没有执行：' } });
    }
    expect(called).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers the operations without input, and only them, when there is no input', async () => {
    for (const name of READ_ONLY_WITHOUT_INPUT) {
      if (!(OPERATION_NAMES as readonly string[]).includes(name)) continue;
      for (const payload of [undefined, null, {}]) {
        expect((await dispatch(handlers, name, payload)).ok, `${name} ← ${String(payload)}`).toBe(true);
      }
    }
    expect(new Set(called)).toEqual(
      new Set([...READ_ONLY_WITHOUT_INPUT].filter((n) => (OPERATION_NAMES as readonly string[]).includes(n))),
    );
    called.length = 0;
  });

  it('refuses names that are not operations, including Object.prototype’s, without echoing them in full', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', ' sessions.list', MEGABYTE]) {
      const result = await dispatch(handlers, name, {});
      expectRefused(result, `name ${name.slice(0, 20)}`);
      expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^未知的操作「/) } });
    }
    expect(called).toEqual([]);
  });
});

describe('malformed payloads over the HTTP bridge', () => {
  let bridge: Bridge & { cookie: string };
  beforeAll(async () => {
    bridge = await startBridge({ handlers, staticDir: tempDir() });
  });
  afterAll(() => bridge.close());

  const post = async (name: string, body: string) => {
    const response = await fetch(`${bridge.origin}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: bridge.cookie },
      body,
    });
    return { status: response.status, json: (await response.json()) as Result<unknown> };
  };

  it('refuses every operation’s malformed JSON bodies as values, and keeps serving', async () => {
    const bodies = (name: OperationName): [string, string][] => {
      const noInput = Object.keys(fieldsOf(contract[name].input)).length === 0;
      const wrong = wrongTypedObjects(name);
      return [
        ['42', '42'],
        ['"NaN"', '"NaN"'],
        ['[1,2]', '[1,2]'],
        ['5,000 nested objects', deepJson(5000)],
        ['pollution', POLLUTION],
        ['pollution and wrong fields', pollutedJson(wrong[1]!)],
        ...(noInput
          ? []
          : ([
              ['null', 'null'],
              ['{}', '{}'],
              ['wrong fields', JSON.stringify(wrong[0])],
            ] as [string, string][])),
      ];
    };
    for (const name of OPERATION_NAMES) {
      for (const [label, body] of bodies(name)) {
        const where = `HTTP ${name} ← ${label}`;
        expect(contract[name].input.safeParse(JSON.parse(body) ?? {}).success, `${where} is valid`).toBe(false);
        const { status, json } = await post(name, body);
        expect(status, where).toBe(200);
        expectRefused(json, where);
      }
    }
    for (const name of ['backup.create', 'sessions.create', 'import.commit'] as const) {
      const { status, json } = await post(name, JSON.stringify(MEGABYTE));
      expect(status).toBe(200);
      expectRefused(json, `HTTP ${name} ← 1 MB string`);
    }
    const broken = await post('sessions.create', '{"name": "会议", "year": 20');
    expect(broken.status).toBe(400);
    expectRefused(broken.json, 'HTTP truncated JSON');
    expect(called).toEqual([]);
    expect(await post('sessions.list', '{}')).toEqual({ status: 200, json: { ok: true, value: [] } });
  });
});
