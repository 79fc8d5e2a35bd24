import { Lang } from "../scoring";

const english = new Intl.PluralRules("en");

/** "1 unit", "2 units", "1 criterion", "3 criteria" in English; Vietnamese nouns do not change ("2 đơn vị"). */
export function count(n: number, lang: Lang, vi: string, one: string, other = `${one}s`): string {
  if (lang !== "en") return `${n} ${vi}`;
  return `${n} ${english.select(n) === "one" ? one : other}`;
}
