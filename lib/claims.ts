/**
 * Comparing what sources claim. Citations that give a value for the same fact
 * key ("death toll") are grouped; a fact with more than one distinct value is
 * shown to readers as "Reports differ", each figure beside its sources.
 */

export interface FactCitation {
  factKey: string | null;
  factValue: string | null;
  sourceName: string;
}

export interface FactReport {
  value: string;
  sources: string[];
}

export interface FactComparison {
  factKey: string;
  reports: FactReport[];
  differ: boolean;
}

/** Keys and values compare without case or surrounding space: "Death toll" = "death toll ". */
const normalize = (value: string) => value.trim().replace(/\s+/g, " ").toLocaleLowerCase();

export function citationsByFact(citations: readonly FactCitation[]): FactComparison[] {
  const facts = new Map<string, { factKey: string; reports: Map<string, FactReport> }>();
  for (const citation of citations) {
    const key = citation.factKey?.trim();
    const value = citation.factValue?.trim();
    if (!key || !value) continue;
    const fact = facts.get(normalize(key)) ?? { factKey: key, reports: new Map<string, FactReport>() };
    facts.set(normalize(key), fact);
    const report = fact.reports.get(normalize(value)) ?? { value, sources: [] };
    fact.reports.set(normalize(value), report);
    if (!report.sources.includes(citation.sourceName)) report.sources.push(citation.sourceName);
  }
  return [...facts.values()].map(({ factKey, reports }) => ({
    factKey,
    reports: [...reports.values()],
    differ: reports.size > 1,
  }));
}
