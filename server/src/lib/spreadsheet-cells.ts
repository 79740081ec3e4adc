/*
 * What a spreadsheet holds, cell by cell: the values the exports build on the main thread and the
 * writer (spreadsheet-writer.ts, in a worker thread) turns into a file.
 */

export type SpreadsheetFormat = 'csv' | 'xlsx';

/** An amount: a decimal string as the API has it ('1500.00'), never a JS float. */
export interface AmountCell {
  kind: 'amount';
  value: string;
}
/** A calendar day, 'YYYY-MM-DD'. */
export interface DayCell {
  kind: 'day';
  value: string;
}
/** A moment, written in UTC. */
export interface TimeCell {
  kind: 'time';
  value: Date;
}

/**
 * What a column holds: text, an integer (an id, a count), or a typed value each format writes as its
 * kind — a number with two decimals, a date, a date and time. null is an empty cell. Flags are words
 * (Yes / Да), which read the same in every program.
 */
export type Cell = string | number | null | AmountCell | DayCell | TimeCell;

/** An amount cell of a decimal string; null stays empty. */
export const amountCell = (value: string | null): Cell => (value === null ? null : { kind: 'amount', value });

/** A date cell of a 'YYYY-MM-DD' day; null stays empty. */
export const dayCell = (value: string | null): Cell => (value === null ? null : { kind: 'day', value });

/** A date-and-time cell of a moment (a Date or ISO text); null stays empty. */
export const timeCell = (value: Date | string | null): Cell =>
  value === null ? null : { kind: 'time', value: new Date(value) };

export interface Sheet {
  name: string;
  headers: string[];
  rows: Cell[][];
}
