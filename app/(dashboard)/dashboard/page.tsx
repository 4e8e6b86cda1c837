import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/components/dashboard/desk.module.css";
import { formatCount } from "@/components/moderation/queue-url";
import ui from "@/components/dashboard/desk-ui.module.css";
import { SentBackNote } from "@/components/dashboard/sent-back-note";
import { revisionLine } from "@/lib/article-labels";
import { requirePageUser } from "@/lib/auth";
import { formatDateTime, hourOfDay } from "@/lib/dates";
import { getTimeZone } from "@/lib/services/settings";
import { joinNames } from "@/lib/format";
import { can } from "@/lib/permissions";
import { deskLists, deskSummary, type DeskStory } from "@/lib/services/desk";

export const metadata: Metadata = { title: "Home" };

function greeting(now: Date, timeZone: string): string {
  const hour = hourOfDay(now, timeZone);
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

function StoryLinks({ stories, empty, when }: { stories: DeskStory[]; empty: string; when: (story: DeskStory) => string }) {
  if (stories.length === 0) return <p className={ui.muted}>{empty}</p>;
  return (
    <ul className={ui.list}>
      {stories.map((story) => (
        <li key={story.id}>
          <Link href={`/dashboard/articles/${story.id}`}>{story.title}</Link>
          <span className={ui.rowMeta}>
            {story.bylines.length > 0 ? `${joinNames(story.bylines)} · ` : ""}
            {when(story)}
          </span>
          {story.sentBack ? <SentBackNote sentBack={story.sentBack} /> : null}
        </li>
      ))}
    </ul>
  );
}

export default async function DashboardHome() {
  const user = await requirePageUser();
  const [summary, lists] = await Promise.all([deskSummary(user), deskLists(user)]);
  const timeZone = await getTimeZone();
  const firstName = user.name.split(" ")[0] ?? user.name;
  // Each role sees its own work: stories for those who write, the comment queues for those who moderate.
  // Each story tile counts exactly what the panel of the same name lists (lib/services/desk.ts reads one rule for both).
  const { stories, comments } = summary;
  const reviews = can(user.role, "article:publish");
  const reviewTitle = reviews ? "Waiting for your review" : "Your stories in review";
  const tiles: { label: string; value: string; href: string }[] = [
    ...(stories
      ? [
          { label: "Your drafts", value: String(stories.myDrafts), href: `/dashboard/articles?status=DRAFT&author=${user.id}` },
          { label: reviewTitle, value: String(stories.inReview), href: "/dashboard/articles?status=IN_REVIEW" },
          { label: "Scheduled", value: String(stories.scheduled), href: "/dashboard/articles?status=SCHEDULED" },
        ]
      : []),
    ...(comments
      ? [
          { label: "Comments awaiting moderation", value: formatCount(comments.pending), href: "/dashboard/moderation" },
          { label: "Reported by readers", value: formatCount(comments.reported), href: "/dashboard/moderation?queue=reported" },
        ]
      : []),
  ];
  return (
    <>
      <div className={ui.pageHeader}>
        <div>
          <h1 className={styles.greeting}>
            {greeting(new Date(), timeZone)}, {firstName}
          </h1>
          <p className={styles.lede}>Here is what is on the desk.</p>
        </div>
        {lists ? (
          <Link href="/dashboard/articles/new" className={ui.button}>
            New story
          </Link>
        ) : comments ? (
          <Link href="/dashboard/moderation" className={ui.button}>
            Open the moderation queue
          </Link>
        ) : null}
      </div>
      <ul className={styles.tiles} aria-label="On the desk">
        {tiles.map((tile) => (
          <li key={tile.label} className={styles.tile}>
            <span className={styles.value}>{tile.value}</span>
            <Link href={tile.href} className={styles.label}>
              {tile.label}
            </Link>
          </li>
        ))}
      </ul>

      {lists ? (
        <div className={styles.columns}>
          <section className={ui.panel} aria-labelledby="desk-drafts">
            <h2 id="desk-drafts" className={ui.panelTitle}>
              Your drafts
            </h2>
            <StoryLinks
              stories={lists.myDrafts}
              empty="No drafts of yours. Start a new story."
              when={(story) => `changed ${formatDateTime(story.updatedAt, timeZone)}`}
            />
          </section>
          <section className={ui.panel} aria-labelledby="desk-review">
            <h2 id="desk-review" className={ui.panelTitle}>
              {reviewTitle}
            </h2>
            <StoryLinks
              stories={lists.inReview}
              empty="Nothing is waiting for review."
              when={(story) => `submitted ${formatDateTime(story.updatedAt, timeZone)}`}
            />
          </section>
          <section className={ui.panel} aria-labelledby="desk-scheduled">
            <h2 id="desk-scheduled" className={ui.panelTitle}>
              Scheduled
            </h2>
            <StoryLinks
              stories={lists.scheduled}
              empty="Nothing is scheduled."
              when={(story) => (story.scheduledFor ? `goes live ${formatDateTime(story.scheduledFor, timeZone)}` : "")}
            />
          </section>
          <section className={ui.panel} aria-labelledby="desk-activity">
            <h2 id="desk-activity" className={ui.panelTitle}>
              Recent activity
            </h2>
            {lists.activity.length === 0 ? (
              <p className={ui.muted}>No activity yet.</p>
            ) : (
              <ul className={ui.list}>
                {lists.activity.map((entry) => (
                  <li key={entry.id}>
                    <Link href={`/dashboard/articles/${entry.articleId}`}>{entry.articleTitle}</Link>
                    <span className={ui.rowMeta}>
                      {revisionLine(entry.kind, entry.authorName)} · {formatDateTime(entry.createdAt, timeZone)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      ) : null}
    </>
  );
}
