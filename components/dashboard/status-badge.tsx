import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { statusLabels } from "@/lib/article-labels";
import styles from "./desk-ui.module.css";

const tone: Record<ArticleStatus | "TRASH", string> = {
  DRAFT: styles.badgeDraft ?? "",
  IN_REVIEW: styles.badgeReview ?? "",
  SCHEDULED: styles.badgeScheduled ?? "",
  PUBLISHED: styles.badgePublished ?? "",
  UNPUBLISHED: styles.badgeUnpublished ?? "",
  TRASH: styles.badgeTrash ?? "",
};

export function StatusBadge({ status, deleted = false }: { status: ArticleStatus; deleted?: boolean }) {
  return <span className={`${styles.badge} ${tone[deleted ? "TRASH" : status]}`}>{deleted ? "In the trash" : statusLabels[status]}</span>;
}
