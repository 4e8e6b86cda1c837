import type { Metadata } from "next";
import styles from "@/components/dashboard/desk.module.css";
import { requirePageUser } from "@/lib/auth";
import { plural } from "@/lib/format";
import { deskSummary } from "@/lib/services/desk";

export const metadata: Metadata = { title: "Home" };

function greeting(now: Date): string {
  const hour = now.getUTCHours();
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

export default async function DashboardHome() {
  const user = await requirePageUser();
  const summary = await deskSummary(user);
  const firstName = user.name.split(" ")[0] ?? user.name;
  const tiles = [
    { label: "Your drafts", value: summary.myDrafts },
    { label: "Waiting for review", value: summary.inReview },
    { label: "Scheduled", value: summary.scheduled },
    ...(summary.pendingComments === null ? [] : [{ label: "Comments awaiting moderation", value: summary.pendingComments }]),
  ];
  return (
    <>
      <h1 className={styles.greeting}>
        {greeting(new Date())}, {firstName}
      </h1>
      <p className={styles.lede}>Here is what is on the desk.</p>
      <ul className={styles.tiles} aria-label="On the desk">
        {tiles.map((tile) => (
          <li key={tile.label} className={styles.tile}>
            <span className={styles.value}>{tile.value}</span>
            <span className={styles.label}>{tile.label}</span>
          </li>
        ))}
      </ul>
      <p className={styles.note}>
        {plural(summary.inReview, "story", "stories")} waiting for review across the newsroom.
      </p>
    </>
  );
}
