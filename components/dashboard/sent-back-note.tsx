import type { SendBack } from "@/lib/services/articles";
import ui from "./desk-ui.module.css";

const EXCERPT = 140;

/** On the desk's lists: the editor's note on a story sent back from review, so the writer sees it without opening the story. */
export function SentBackNote({ sentBack }: { sentBack: SendBack }) {
  const note = sentBack.note ?? "";
  const excerpt = note.length > EXCERPT ? `${note.slice(0, EXCERPT).trimEnd()}…` : note;
  return (
    <span className={`${ui.rowMeta} ${ui.sentBack}`}>
      <strong>Sent back{sentBack.author ? ` by ${sentBack.author.name}` : ""}:</strong> <q dir="auto">{excerpt}</q>
    </span>
  );
}
