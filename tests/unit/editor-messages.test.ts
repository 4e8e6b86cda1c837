import { expect, test } from "vitest";
import { doneMessage } from "@/lib/editor-messages";

// Saving says what the story now is: an editor saving a story in review must not read "Draft saved.".
test.each([
  ["DRAFT", "Draft saved."],
  ["IN_REVIEW", "Saved. The story is still in review."],
  ["UNPUBLISHED", "Saved. The story stays unpublished."],
  ["SCHEDULED", "Update saved. The story goes live as scheduled."],
  ["PUBLISHED", "Update saved. Readers see it now."],
] as const)("saving a story that is %s says %j", (status, message) => {
  expect(doneMessage("save", status, null)).toBe(message);
});

