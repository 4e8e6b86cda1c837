/**
 * The story of shared/fixtures/seed-article.txt, as the demo seed stores it:
 * the same title, body, image credit and reader comment, with its conflicting,
 * attributed reports entered as sources and per-claim citations.
 * The text is kept as published, quirks included.
 */

export const fixtureStory = {
  title: "ISIS buries alive dozens of defectors who fled Iraq battlefield – reports",
  dek: "Accounts of the executions near Qayyarah differ: one news agency puts the toll at 35, an Iraqi outlet at 45.",
  section: "World",
  tags: ["Iraq", "Islamic State", "Mosul"],
  imageCaption: "A frontline position south of Mosul, Nineveh province.",
  imageAlt: "Illustration: dusk over a desert plain in northern Iraq",
  imageCredit: "© الجهاد في سبيل الله",
  paragraphs: [
    "Islamic State has reportedly buried alive dozens of its own militants, after the jihadists refused to fight and fled the battlefield in the face of the Iraqi government’s push to retake ground in northern province of Nineveh, ruled by the terrorists since 2014.",
    "The overall number of militants who have been executed remains ambiguous. AhlulBayt News Agency (ABNA) is reporting that 35 fighters were killed, while Iraqi News is reporting that Islamic State (IS, formerly ISIS/ISIL) buried 45 of its members alive on charges of fleeing the battlefield.",
    "The executions took place on the outskirts of Qayyarah, about 35 miles (60 kilometers) south of the militant-held city of Mosul, an anonymous provincial source told ABNA. According to reports, those who were buried alive were accused of fleeing clashes with government forces in the village of Bashir, just south of the oil-rich city of Kirkuk.",
    "Another source confirmed the slaying to, saying that“ISIS had buried its members, who escaped from al-Bashir battles, inside one grave.”",
    "According to Arabic language media, on Monday ISIS command also shot and killed dozens of its fighters in the village of al-Hadar south of Mosul – likewise for escaping from battle in Anbar province.",
    "The murder of ISIS fighters by its own command seems to show an increased morale deterioration within its ranks as desertions become widespread. The hardline group currently suffers from a shortage of manpower and financial resources due to the intensified airstrikes and ground attacks by anti-terror forces in both Iraq and Syria.",
    "Iraqi and Kurdish forces backed by the US-led coalition against IS launched the offensive in Ninevehin province in March in an attempt to recapture jihadist-controlled Mosul which the militants have held since 2014. Over the past few months, the coalition’s airstrikes have killed a number of top ISIS commanders across Iraq, while the Iraqi forces and Kurdish militia are now within a 50 km range of Mosul.",
  ],
  sources: {
    abna: {
      name: "AhlulBayt News Agency",
      shortName: "ABNA",
      kind: "NEWS_AGENCY",
      url: "https://en.abna24.com/",
      description: "",
      notes: "Iranian state-aligned agency; corroborate its casualty figures before headlining them.",
    },
    iraqiNews: {
      name: "Iraqi News",
      shortName: "",
      kind: "NEWS_OUTLET",
      url: "https://www.iraqinews.com/",
      description: "",
      notes: "",
    },
    provincialSource: {
      name: "Anonymous provincial source (Nineveh)",
      shortName: "",
      kind: "ANONYMOUS",
      url: null,
      description: "an anonymous provincial source",
      notes: "Known to ABNA's Mosul stringer only; we have not spoken to this person ourselves.",
    },
  },
  citations: [
    {
      source: "abna",
      claim: "35 fighters were killed",
      factKey: "death toll",
      factValue: "35",
      reportUrl: "https://en.abna24.com/news/isis-buries-alive-35-members",
    },
    {
      source: "iraqiNews",
      claim: "Islamic State buried 45 of its members alive on charges of fleeing the battlefield",
      factKey: "death toll",
      factValue: "45",
      reportUrl: "https://www.iraqinews.com/iraq-war/isis-buries-45-members-alive/",
    },
    {
      source: "provincialSource",
      via: "abna",
      claim: "The executions took place on the outskirts of Qayyarah, about 35 miles (60 kilometers) south of Mosul",
      factKey: "location",
      factValue: "Qayyarah",
      reportUrl: "https://en.abna24.com/news/isis-buries-alive-35-members",
    },
  ],
  comments: [
    {
      key: "fixture-comment-approved",
      authorName: "Darren",
      authorEmail: "darren.reader@example.com",
      status: "APPROVED",
      body: "Whether it’s true or not, I couldn’t care less as long as it’s isis killing it’s own bastards. These cowards wanted to satisfy their criminal urges now they can’t take the heat, run away and get killed by their own. To hell with them. I just can’t wait for the rest of them to get what’s coming to them. And they will. The coalition that created them will only use them for so much. Then after they’ve served their purpose, they’ll be disposed of like other groups and tyrants used before them.",
    },
    {
      key: "fixture-comment-pending",
      authorName: "Mariam K.",
      authorEmail: "mariam.k@example.org",
      status: "PENDING",
      body: "Is there any independent confirmation of either figure? Both numbers seem to trace back to a single unnamed source in the province.",
    },
  ],
} as const;
