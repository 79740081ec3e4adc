import type { ColumnType } from 'antd/es/table';

/** The width a column without a declared one counts for: a short name or a login on two lines. */
const flexibleColumnWidth = 100;

/**
 * The width below which a list scrolls sideways: its shown columns' declared widths, and a share
 * for each column without one. Summed from the columns, not set per list, so the default columns
 * fit the 1366-pixel screen (about 1100 px beside the navigation) and the ones a person adds scroll.
 */
export function tableScrollWidth(columns: readonly Pick<ColumnType<never>, 'width'>[]): number {
  return columns.reduce(
    (total, column) => total + (typeof column.width === 'number' ? column.width : flexibleColumnWidth),
    0,
  );
}

/**
 * A column without a declared width (a name, a login, an email, a comment) breaks a long word
 * anywhere rather than widen the table past the screen; the columns with one (ids, money, days)
 * keep their words whole. Ant Design's cells only break a word that overflows, which still counts
 * the whole word in the table's least width.
 */
export function wrapLongWords<Row>(column: ColumnType<Row>): ColumnType<Row> {
  if (typeof column.width === 'number') return column;
  return {
    ...column,
    onCell: (row, index) => {
      const cell = column.onCell?.(row, index) ?? {};
      // A column that keeps its own rule (digits kept whole) says so in its onCell style.
      return { ...cell, style: { overflowWrap: 'anywhere', ...cell.style } };
    },
  };
}

/**
 * For a column of numbers read digit by digit (a device's IMEI, a phone number): its values are never
 * broken across lines, though the column has no declared width. Fifteen digits are narrow enough for
 * the list to fit the screen still.
 */
export const keepDigitsWhole = () => ({ style: { overflowWrap: 'normal' as const } });
