import type { SourceKind } from "@/lib/generated/prisma/enums";

/** A source as readers may see it: never its staff notes. */
export interface PublicSource {
  id: string;
  name: string;
  shortName: string;
  kind: SourceKind;
  url: string | null;
  description: string;
}

export const sourceKindLabels: Record<SourceKind, string> = {
  NEWS_AGENCY: "News agency",
  NEWS_OUTLET: "News outlet",
  GOVERNMENT: "Government",
  MILITARY: "Military",
  NGO: "Non-governmental organisation",
  SOCIAL_MEDIA: "Social media",
  ANONYMOUS: "Anonymous source",
  DOCUMENT: "Document",
  OTHER: "Other",
};

/**
 * How a source is named to readers. An anonymous source is only ever shown as
 * the editor described it ("an anonymous provincial source"), never by the
 * registry name staff use to tell anonymous sources apart.
 */
export function sourceLabel(source: PublicSource): string {
  if (source.kind === "ANONYMOUS") {
    const described = source.description.trim();
    return described ? described.charAt(0).toUpperCase() + described.slice(1) : "An anonymous source";
  }
  return source.shortName && source.shortName !== source.name ? `${source.name} (${source.shortName})` : source.name;
}

/** The short form used in "via ABNA" and in fact comparisons. */
export function sourceShortLabel(source: PublicSource): string {
  if (source.kind === "ANONYMOUS") return sourceLabel(source);
  return source.shortName || source.name;
}

/** Where a report lives, as readers recognise it: "en.abna24.com" for https://www.en.abna24.com/news/…; null when the address is not a web address. */
export function reportSite(reportUrl: string): string | null {
  try {
    const { protocol, hostname } = new URL(reportUrl);
    if (protocol !== "https:" && protocol !== "http:") return null;
    return hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

export interface CitationForDisplay {
  id: string;
  claim: string;
  factKey: string | null;
  factValue: string | null;
  reportUrl: string | null;
  source: PublicSource;
  viaSource: PublicSource | null;
}

export interface SourceWithClaims {
  source: PublicSource;
  citations: CitationForDisplay[];
}

/** Citations grouped under their source, in the order sources are first cited. */
export function groupBySource(citations: readonly CitationForDisplay[]): SourceWithClaims[] {
  const groups = new Map<string, SourceWithClaims>();
  for (const citation of citations) {
    const group = groups.get(citation.source.id) ?? { source: citation.source, citations: [] };
    groups.set(citation.source.id, group);
    group.citations.push(citation);
  }
  return [...groups.values()];
}
