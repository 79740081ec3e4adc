/* The inputs every form asks alike: an email, a phone, an amount (lengths as the API takes them). */

export const emailInput = { type: 'email', maxLength: 254 } as const;

/** An example number in the international format, which is read the same in every country. */
export const phoneInput = { type: 'tel', maxLength: 40, placeholder: '+7 701 123 45 67' } as const;

/** A decimal amount, typed with a point or a comma. */
export const amountInput = { inputMode: 'decimal', placeholder: '0.00' } as const;
