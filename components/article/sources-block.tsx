import { citationsByFact } from "@/lib/claims";
import {
  groupBySource,
  reportSite,
  sourceKindLabels,
  sourceLabel,
  sourceShortLabel,
  type CitationForDisplay,
} from "@/lib/source-labels";
import styles from "./article.module.css";

/** The report a claim comes from: words a reader can read and a target a thumb can hit (44 px), naming the site it leads to. */
function ReportLink({ url }: { url: string }) {
  const site = reportSite(url);
  return (
    <a href={url} rel="nofollow noopener" className={styles.reportLink}>
      Read the report{site ? <span className={styles.reportSite}> on {site}</span> : null}
    </a>
  );
}

/**
 * The story's sourcing: who said what, claim by claim, and where the sources
 * disagree on a figure, both figures side by side under "Reports differ".
 */
export function SourcesBlock({ citations }: { citations: CitationForDisplay[] }) {
  if (citations.length === 0) return null;
  const groups = groupBySource(citations);
  const conflicts = citationsByFact(
    citations.map((citation) => ({
      factKey: citation.factKey,
      factValue: citation.factValue,
      sourceName: sourceShortLabel(citation.source),
    })),
  ).filter((fact) => fact.differ);

  return (
    <section className={styles.sources} aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      {conflicts.map((fact) => (
        <div key={fact.factKey} className={styles.differ} role="note" aria-label={`Reports differ on the ${fact.factKey}`}>
          <p className={styles.differTitle}>
            Reports differ <span>on the {fact.factKey}</span>
          </p>
          <ul>
            {fact.reports.map((report) => (
              <li key={report.value}>
                <strong dir="auto">{report.value}</strong> <span>according to {report.sources.join(", ")}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <ul className={styles.sourceList}>
        {groups.map(({ source, citations: claims }) => (
          <li key={source.id}>
            <p className={styles.sourceName}>
              {source.url && source.kind !== "ANONYMOUS" ? (
                <a href={source.url} rel="nofollow noopener" dir="auto">
                  {sourceLabel(source)}
                </a>
              ) : (
                <span dir="auto">{sourceLabel(source)}</span>
              )}{" "}
              <span className={styles.sourceKind}>{sourceKindLabels[source.kind]}</span>
            </p>
            <ul className={styles.claims}>
              {claims.map((citation) => (
                <li key={citation.id}>
                  <span dir="auto">“{citation.claim}”</span>
                  {citation.viaSource ? <span className={styles.via}> (via {sourceShortLabel(citation.viaSource)})</span> : null}
                  {citation.reportUrl ? <ReportLink url={citation.reportUrl} /> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
