import type { FieldValue } from './field-path';

type Test = (value: FieldValue | undefined) => boolean;

/** Each operator: whether its operand is acceptable, and the test it builds. */
export const OPERATORS = {
  eq: { operand: isScalar, build: (want: FieldValue): Test => (value) => value === want },
  ne: { operand: isScalar, build: (want: FieldValue): Test => (value) => value !== want },
  in: { operand: isScalarList, build: (list: FieldValue[]): Test => oneOf(list) },
  notIn: { operand: isScalarList, build: (list: FieldValue[]): Test => not(oneOf(list)) },
  gt: { operand: isNumber, build: (n: number): Test => (value) => typeof value === 'number' && value > n },
  gte: { operand: isNumber, build: (n: number): Test => (value) => typeof value === 'number' && value >= n },
  lt: { operand: isNumber, build: (n: number): Test => (value) => typeof value === 'number' && value < n },
  lte: { operand: isNumber, build: (n: number): Test => (value) => typeof value === 'number' && value <= n },
  exists: { operand: isBoolean, build: (want: boolean): Test => (value) => (value !== undefined) === want },
  startsWith: {
    operand: isString,
    build: (prefix: string): Test => (value) => typeof value === 'string' && value.startsWith(prefix),
  },
  endsWith: {
    operand: isString,
    build: (suffix: string): Test => (value) => typeof value === 'string' && value.endsWith(suffix),
  },
} as const;

export type OperatorName = keyof typeof OPERATORS;
export const OPERATOR_NAMES = Object.keys(OPERATORS) as OperatorName[];

export function isOperatorName(name: string): name is OperatorName {
  return Object.hasOwn(OPERATORS, name);
}

/** What the operand of `name` must be, in words, for error messages. */
export const OPERAND_WORDS: Record<OperatorName, string> = {
  eq: 'a string, number or boolean',
  ne: 'a string, number or boolean',
  in: 'a non-empty array of strings, numbers or booleans',
  notIn: 'a non-empty array of strings, numbers or booleans',
  gt: 'a finite number',
  gte: 'a finite number',
  lt: 'a finite number',
  lte: 'a finite number',
  exists: 'true or false',
  startsWith: 'a string',
  endsWith: 'a string',
};

export function buildTest(name: OperatorName, operand: unknown): Test {
  return (OPERATORS[name].build as (operand: unknown) => Test)(operand);
}

function oneOf(list: FieldValue[]): Test {
  const set = new Set<FieldValue | undefined>(list);
  return (value) => set.has(value);
}

function not(test: Test): Test {
  return (value) => !test(value);
}

function isScalar(value: unknown): value is FieldValue {
  return typeof value === 'string' || typeof value === 'boolean' || isNumber(value);
}

function isScalarList(value: unknown): value is FieldValue[] {
  return Array.isArray(value) && value.length > 0 && value.every(isScalar);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
