/** A decimal amount as the API takes it: up to 16 digits and 2 decimals; a comma may stand for the point. */
export const amountPattern = /^\s*\d{1,16}([.,]\d{1,2})?\s*$/;

/** A typed amount as the API reads it: blanks dropped, a decimal comma read as a point. */
export const decimalText = (text: string) => text.trim().replace(/\s/g, '').replace(',', '.');
