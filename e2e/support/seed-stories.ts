/** The demo seed's stories (lib/seed), by what readers may see of them. */
export const fixtureSlug = "isis-buries-alive-dozens-of-defectors-who-fled-iraq-battlefield-reports";
export const fixtureTitle = "ISIS buries alive dozens of defectors who fled Iraq battlefield – reports";

export const publishedSlugs = [
  fixtureSlug,
  "city-council-approves-late-night-bus-routes-after-two-year-trial",
  "drought-shrinks-the-regions-largest-reservoir-to-a-third-of-capacity",
  "port-strike-ends-as-dockworkers-accept-a-three-year-pay-deal",
  "a-restored-1920s-cinema-reopens-with-a-season-of-silent-films",
];

export const unpublishedSlugs = [
  "hospital-waiting-lists-what-the-new-figures-do-and-do-not-show", // draft
  "regional-airline-adds-three-routes-for-the-summer-season", // in review
  "budget-preview-five-numbers-to-watch-on-thursday", // scheduled for later
];
