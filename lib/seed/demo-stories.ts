/**
 * A few more stories so that the front page, the sections and the dashboard
 * are not empty in a demo. Fictional, and written to read like real copy.
 * `daysAgo` dates publication relative to the seed run; `byline` names a demo
 * staff member by role.
 */

type DemoStatus = "PUBLISHED" | "DRAFT" | "IN_REVIEW" | "SCHEDULED";

export interface DemoStory {
  title: string;
  dek: string;
  section: string;
  tags: string[];
  status: DemoStatus;
  daysAgo: number;
  byline: "EDITOR" | "WRITER";
  paragraphs: string[];
  citations: { source: string; kind: "NEWS_AGENCY" | "GOVERNMENT" | "NGO" | "DOCUMENT"; claim: string; factKey?: string; factValue?: string }[];
}

export const demoStories: DemoStory[] = [
  {
    title: "City council approves late-night bus routes after two-year trial",
    dek: "Four routes that ran as a pilot since 2024 become permanent, with a fifth added to serve the hospital district.",
    section: "Politics",
    tags: ["Transport", "City Council"],
    status: "PUBLISHED",
    daysAgo: 1,
    byline: "EDITOR",
    paragraphs: [
      "The city council voted 9–2 on Tuesday to make four late-night bus routes permanent, ending a two-year trial that transit officials said carried more than 1.2 million passengers between midnight and 5 a.m.",
      "A fifth route, linking the hospital district with the eastern suburbs, will be added in the spring. Nurses’ and cleaners’ unions had campaigned for it since the trial began.",
      "Council members who voted against the plan questioned its cost, estimated by the transit authority at 4.8 million a year, and asked for ridership to be reviewed annually.",
    ],
    citations: [
      { source: "Metropolitan Transit Authority", kind: "GOVERNMENT", claim: "The night routes carried more than 1.2 million passengers during the trial", factKey: "riders", factValue: "1.2 million" },
    ],
  },
  {
    title: "Drought shrinks the region’s largest reservoir to a third of capacity",
    dek: "Water managers ask households to cut use by 15 percent as the dry season runs a month longer than forecast.",
    section: "Science",
    tags: ["Climate", "Water"],
    status: "PUBLISHED",
    daysAgo: 2,
    byline: "WRITER",
    paragraphs: [
      "The region’s largest reservoir fell to 33 percent of capacity this week, its lowest level in eleven years, according to figures published by the water board on Monday.",
      "Hydrologists said the dry season has run roughly a month longer than forecast, and that rainfall since January is less than half the long-term average.",
      "The board asked households to reduce consumption by 15 percent and said it would decide next month whether to restrict garden watering.",
    ],
    citations: [
      { source: "Regional Water Board", kind: "GOVERNMENT", claim: "The reservoir stands at 33 percent of capacity", factKey: "reservoir level", factValue: "33%" },
      { source: "Rivers Trust", kind: "NGO", claim: "The reservoir is closer to 30 percent once silt is accounted for", factKey: "reservoir level", factValue: "30%" },
    ],
  },
  {
    title: "Port strike ends as dockworkers accept a three-year pay deal",
    dek: "The agreement raises wages by 11 percent over three years and limits mandatory overtime.",
    section: "Business",
    tags: ["Labour", "Trade"],
    status: "PUBLISHED",
    daysAgo: 4,
    byline: "EDITOR",
    paragraphs: [
      "Dockworkers voted to accept a three-year pay agreement on Friday, ending a nine-day strike that left more than forty container ships waiting offshore.",
      "The deal raises wages by 11 percent over three years and caps mandatory overtime at eight hours a week, the union said in a statement.",
      "Port operators said it would take about two weeks to clear the backlog.",
    ],
    citations: [
      { source: "Dockworkers’ Union", kind: "DOCUMENT", claim: "Wages rise by 11 percent over three years", factKey: "pay rise", factValue: "11%" },
    ],
  },
  {
    title: "A restored 1920s cinema reopens with a season of silent films",
    dek: "After six years and a public fundraising campaign, the Rialto’s organ plays again.",
    section: "Culture",
    tags: ["Film", "Heritage"],
    status: "PUBLISHED",
    daysAgo: 6,
    byline: "WRITER",
    paragraphs: [
      "The Rialto, a 1920s picture palace that closed in 2019, reopened on Saturday with a screening of a silent comedy accompanied by its restored theatre organ.",
      "The restoration, paid for in part by more than 3,000 small donations, took six years and uncovered original ceiling paintings hidden under later plaster.",
      "The opening season runs until March and pairs silent classics with live music.",
    ],
    citations: [
      { source: "Rialto Trust", kind: "NGO", claim: "More than 3,000 people donated to the restoration" },
    ],
  },
  {
    title: "Hospital waiting lists: what the new figures do and do not show",
    dek: "A draft explainer on the quarterly statistics.",
    section: "Politics",
    tags: ["Health"],
    status: "DRAFT",
    daysAgo: 0,
    byline: "WRITER",
    paragraphs: [
      "The health ministry publishes waiting-list figures every quarter. This explainer walks through what is counted and what is left out.",
    ],
    citations: [],
  },
  {
    title: "Regional airline adds three routes for the summer season",
    dek: "Flights to two coastal towns and one mountain resort start in May.",
    section: "Business",
    tags: ["Travel"],
    status: "IN_REVIEW",
    daysAgo: 0,
    byline: "WRITER",
    paragraphs: [
      "The regional airline will add three routes from May, it said on Wednesday, including a daily service to the mountain resort that lost its last scheduled flight in 2021.",
      "Tickets go on sale next week.",
    ],
    citations: [{ source: "Regional Airline", kind: "DOCUMENT", claim: "Three new routes start in May" }],
  },
  {
    title: "Budget preview: five numbers to watch on Thursday",
    dek: "Borrowing, the deficit and the fuel duty freeze top the list.",
    section: "Politics",
    tags: ["Budget", "Economy"],
    status: "SCHEDULED",
    daysAgo: -2,
    byline: "EDITOR",
    paragraphs: [
      "The finance minister presents the budget on Thursday. These are the five figures that will shape the debate that follows.",
      "First, borrowing: the fiscal council expects it to come in below last year’s forecast for the first time since 2020.",
    ],
    citations: [],
  },
];
