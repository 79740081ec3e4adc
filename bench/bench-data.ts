/** What bench/generate-partners.ts creates and bench/partners-list.ts relies on. */

export const PARTNER_COUNTS = { top: 100, second: 1_900, third: 8_000 } as const;
export const TOTAL_ACCOUNTS = 100_000;
export const TOTAL_VEHICLES = 1_000_000;

/** The super administrator of the benchmark database. Not a secret: the database is throwaway. */
export const BENCH_ADMIN_LOGIN = 'bench';
export const BENCH_ADMIN_PASSWORD = 'bench-password-2024';
/** Every partner administrator (p00001 … p10000) and staff user shares this password. */
export const BENCH_PARTNER_PASSWORD = 'partner-password-2024';

/** A fragment of 3 of the 20 brand stems (ГеоТрек, ТрекСистемс, СмартТрек): about 15% of the names. */
export const SEARCH_FRAGMENT = 'трек';
