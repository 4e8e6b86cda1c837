import { kept, refused, type Outcome } from "./outcome";

export type ImportedStoryStatus = "DRAFT" | "IN_REVIEW" | "SCHEDULED" | "PUBLISHED";
export type ImportedPageStatus = "DRAFT" | "PUBLISHED";

interface StatusFields {
  status: string;
  password: string;
}

/** Statuses that never become content, whatever the post type. */
function notContent(status: string): string | null {
  if (status === "trash") return "it is in WordPress's trash";
  if (status === "auto-draft") return "it is an auto-draft WordPress made and nobody saved";
  if (status === "inherit") return "it has status inherit (a revision or attachment), not a post of its own";
  return null;
}

/**
 * PRODUCT.md: publish → published (with its original date); draft, pending →
 * in review; future → scheduled; private and password-protected → draft,
 * named in the report.
 */
export function storyStatus({ status, password }: StatusFields): Outcome<ImportedStoryStatus> {
  const skip = notContent(status);
  if (skip) return refused(skip);
  if (password !== "") return kept("DRAFT", "password-protected in WordPress: imported as a draft");
  switch (status) {
    case "publish":
      return kept("PUBLISHED");
    case "draft":
    case "pending":
      return kept("IN_REVIEW");
    case "future":
      return kept("SCHEDULED");
    case "private":
      return kept("DRAFT", "private in WordPress: imported as a draft");
    default:
      return kept("DRAFT", `WordPress status ${JSON.stringify(status)} is not one Newsroom knows: imported as a draft`);
  }
}

/** Pages are published or drafts; anything not public on the old site stays a draft. */
export function pageStatus({ status, password }: StatusFields): Outcome<ImportedPageStatus> {
  const skip = notContent(status);
  if (skip) return refused(skip);
  if (password !== "") return kept("DRAFT", "password-protected in WordPress: imported as a draft");
  if (status === "publish") return kept("PUBLISHED");
  return kept("DRAFT", status === "private" ? "private in WordPress: imported as a draft" : `${status} in WordPress: imported as a draft`);
}
