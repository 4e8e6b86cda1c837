/** A rule name as stored by the submission rules ("block-word", "linkCount") in words a moderator reads. */
export function ruleLabel(rule: string): string {
  const words = rule
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[-_.]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "Rule";
}
