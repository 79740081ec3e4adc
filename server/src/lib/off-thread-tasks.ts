import { readSheet } from './sheet-reader.js';
import { writeSpreadsheetHere } from './spreadsheet-writer.js';

/** What the off-thread pool's workers can do (off-thread.ts): each a pure function of its arguments. */
export const offThreadTasks = {
  readSheet,
  writeSpreadsheet: writeSpreadsheetHere,
};

export type OffThreadTasks = typeof offThreadTasks;
