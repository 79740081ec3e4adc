import type { SelectProps } from 'antd';

/*
 * Searching a reference select as people expect: typing "RUB" and Enter chooses RUB, not the first
 * option whose text contains "rub" (Aruban Florin); "Moscow" chooses Moscow before Moscow Oblast; a
 * name is found in either language whatever the interface's. Each option carries its code and the texts
 * it is known by; options are ranked by the best way one of them matches what was typed.
 */

/** An option of a ranked select: its code and every text it may be searched by (names in both languages). */
export interface RankedOption {
  value: string;
  label: string;
  code: string;
  texts: readonly string[];
}

const NO_MATCH = 99;

const normal = (text: string) => text.trim().toLocaleLowerCase().replace(/ё/g, 'е');

/** How well an option matches the typed text: 0 the exact code, … 5 a part of a text; NO_MATCH none. */
export function matchRank(option: Pick<RankedOption, 'code' | 'texts' | 'label'>, typed: string): number {
  const query = normal(typed);
  if (query === '') return 0;
  const code = normal(option.code);
  // The label as shown ("RUB — Russian Ruble") is searched too: a person may type what they see.
  const texts = [...option.texts, option.label].map(normal);
  if (code === query) return 0;
  if (texts.some((text) => text === query)) return 1;
  if (code.startsWith(query)) return 2;
  if (texts.some((text) => text.startsWith(query))) return 3;
  if (texts.some((text) => text.split(/[\s(),.–—-]+/).some((word) => word.startsWith(query)))) return 4;
  if (code.includes(query) || texts.some((text) => text.includes(query))) return 5;
  return NO_MATCH;
}

const rankOf = (option: unknown, typed: string) =>
  matchRank(option as Pick<RankedOption, 'code' | 'texts' | 'label'>, typed);

/** The select props of a ranked search: matching options only, best first (Enter takes the first). */
export const rankedSearch: Pick<SelectProps, 'showSearch' | 'filterOption' | 'filterSort'> = {
  showSearch: true,
  filterOption: (typed, option) => rankOf(option, typed) < NO_MATCH,
  filterSort: (a, b, info) => rankOf(a, info.searchValue) - rankOf(b, info.searchValue),
};
