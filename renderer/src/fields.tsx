import { Form, Input, Select } from 'antd';
import type { FormItemProps, Rule } from 'antd/es/form';
import { readDate } from '../../electron/common/domain/dates';

/**
 * Fields that keep what the clerk typed. A number out of range is refused with the range in
 * words, never changed to the nearest allowed value; a date is read the way the importer reads
 * one (2026/11/20, 20261120, 2026年11月20日, 2026.11.20 …) and said so when it cannot be.
 */

/** A whole number between min and max, or the field shows why not (nothing is clamped). */
export function rangeRule(label: string, min: number, max: number, required = false): Rule[] {
  return [
    ...(required ? [{ required: true, message: `请填写${label}` }] : []),
    {
      validator: async (_: unknown, value: unknown) => {
        if (value === null || value === undefined || value === '') return;
        const n = Number(value);
        if (!Number.isInteger(n) || n < min || n > max)
          throw new Error(`${label}应为 ${min} 到 ${max} 之间的整数，填的是 ${String(value)}`);
      },
    },
  ];
}

/** A date typed in any of the importer's forms; empty is no date. */
export function dateRule(label: string): Rule {
  return {
    validator: async (_: unknown, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      if (!readDate(value)) throw new Error(`${label}「${value}」无法识别，请按 2024-11-20 的样子填写`);
    },
  };
}

/** The ISO date of what was typed, or null for empty (call after the rule has passed). */
export function isoOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  return readDate(value)?.date ?? null;
}

/** A date as text: typed freely, shown back as 2024-11-20 once it can be read. */
export function DateInput(props: {
  value?: string | null;
  onChange?: (value: string) => void;
  testId?: string;
  width?: number;
  placeholder?: string;
}) {
  return (
    <Input
      style={{ width: props.width ?? 140 }}
      value={props.value ?? ''}
      placeholder={props.placeholder ?? '如 2024-11-20'}
      onChange={(e) => props.onChange?.(e.target.value)}
      onBlur={(e) => {
        const read = readDate(e.target.value);
        if (read && read.date !== e.target.value) props.onChange?.(read.date);
      }}
      data-testid={props.testId}
    />
  );
}

/** One of a field's fixed choices: the stored value and the words shown for it. */
export type Choice = readonly [value: string | number, label: string];

/** A form field chosen from a drop-down of fixed choices. */
export function ChoiceField(props: {
  name: FormItemProps['name'];
  label?: string;
  width: number;
  choices: readonly Choice[];
  allowClear?: boolean;
}) {
  return (
    <Form.Item name={props.name} label={props.label}>
      <Select
        allowClear={props.allowClear}
        style={{ width: props.width }}
        options={props.choices.map(([value, label]) => ({ value, label }))}
      />
    </Form.Item>
  );
}

/** A form field typed as one line of text. */
export function TextField(props: {
  name: FormItemProps['name'];
  label?: string;
  width?: number;
  placeholder?: string;
  testId?: string;
}) {
  return (
    <Form.Item name={props.name} label={props.label}>
      <Input
        style={props.width === undefined ? undefined : { width: props.width }}
        placeholder={props.placeholder}
        data-testid={props.testId}
      />
    </Form.Item>
  );
}
