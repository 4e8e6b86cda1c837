/** The desk's keyboard shortcuts, as the help dialog and the legend list them. */
export const shortcuts: { keys: string[]; does: string }[] = [
  { keys: ["j"], does: "Next comment" },
  { keys: ["k"], does: "Previous comment" },
  { keys: ["a"], does: "Approve" },
  { keys: ["s"], does: "Spam" },
  { keys: ["t"], does: "Trash" },
  { keys: ["u"], does: "Back to pending (unapprove, not spam, restore)" },
  { keys: ["x"], does: "Select or unselect" },
  { keys: ["Shift", "a / s / t / u"], does: "The same, on every selected comment" },
  { keys: ["r"], does: "Reply as staff" },
  { keys: ["Ctrl", "Enter"], does: "Post the reply" },
  { keys: ["b"], does: "Ban the author" },
  { keys: ["z"], does: "Undo the last decision" },
  { keys: ["/"], does: "Search" },
  { keys: ["Esc"], does: "Close, or clear the selection" },
  { keys: ["?"], does: "Show or hide this list" },
];
