"use client";

import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useRef, useState, useSyncExternalStore, useTransition, type ReactNode } from "react";
import { bulkModerateAction, moderateCommentAction, queueCountsAction } from "@/app/(dashboard)/dashboard/moderation/actions";
import { decisionForStatus, statusForDecision, type Decision } from "@/lib/audit-actions";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import type { QueueCounts, QueueRow as Row } from "@/lib/services/moderation";
import { queueLabels, type BulkSelection, type Queue, type QueueFilter } from "@/lib/validation/moderation";
import { decisionKeys, decisionLabel, decisionsFor, decisionsForQueue, pastTense } from "./decisions";
import { combineChanges, decisionChange, scaleChange, withChanges, type CountChange } from "./queue-counts";
import { QueueRow } from "./queue-row";
import { QueueTabs } from "./queue-tabs";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { formatCount } from "./queue-url";
import styles from "./moderation.module.css";

interface Props {
  queue: Queue;
  filter: QueueFilter;
  rows: Row[];
  /** How many comments each queue holds under these filters (all pages), as the page was rendered. */
  counts: QueueCounts;
  /** The search and filter bar, shown between the queue tabs and the desk. */
  filters: ReactNode;
  /** When this list was read: "everything matching" never reaches comments that arrived later. */
  loadedAt: string;
  canBan: boolean;
  staffName: string;
}

interface Notice {
  tone: "ok" | "warn" | "error";
  text: string;
  /** The last single decision, which z (or the Undo button) reverses. */
  undo?: { id: string; now: CommentStatus; back: Decision };
}

const statusOfQueue: Partial<Record<Queue, CommentStatus>> = { pending: "PENDING", approved: "APPROVED", spam: "SPAM", trash: "TRASH" };

const noSubscription = () => () => {};

/** Keys typed into a text field are text; on a checkbox or button they are still shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  return target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT";
}

/**
 * The queue as a moderator works it: a cursor row (j/k), one-key decisions
 * that take effect at once and move on to the next comment, selection (x)
 * and bulk decisions, inline staff replies and bans. The server stays the
 * judge: every call says what the moderator saw, and anything someone else
 * decided first comes back as a notice instead of being overwritten.
 */
export function ModerationDesk({ queue, filter, rows, counts: renderedCounts, filters, loadedAt, canBan, staffName }: Props) {
  const router = useRouter();
  // The badges: the last counts the server read, plus every decision it had not yet taken then (queue-counts.ts).
  const [readCounts, setReadCounts] = useState(renderedCounts);
  const [changesAhead, setChangesAhead] = useState<{ sequence: number; change: CountChange }[]>([]);
  const sequence = useRef(0);
  const serverCalls = useRef<Promise<unknown>>(Promise.resolve());
  const [callsInFlight, setCallsInFlight] = useState(0);
  const [, startRefresh] = useTransition();
  // Comments decided here and not yet gone from the server's list.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [activeId, setActiveId] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [bulkRunning, setBulkRunning] = useState(false);
  const [panel, setPanel] = useState<{ id: string; kind: "reply" | "ban" } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const rowElements = useRef(new Map<string, HTMLElement>());
  const focusNext = useRef<string | null>(null);
  const help = useRef<HTMLDialogElement>(null);
  // False in the server's HTML and until hydration: shortcut hints appear only once the keys work.
  const interactive = useSyncExternalStore(noSubscription, () => true, () => false);

  const counts = withChanges(
    readCounts,
    changesAhead.map((entry) => entry.change),
  );
  const total = counts[queue];
  const visible = rows.filter((row) => !hidden.has(row.id));
  const active = visible.find((row) => row.id === activeId) ?? visible[0] ?? null;
  const selectedRows = visible.filter((row) => selected.has(row.id));
  const allOnPageSelected = visible.length > 0 && selectedRows.length === visible.length;

  useEffect(() => {
    const id = focusNext.current;
    if (!id) return;
    focusNext.current = null;
    const element = rowElements.current.get(id);
    element?.focus({ preventScroll: true });
    element?.scrollIntoView({ block: "nearest" });
  });

  const refresh = () => startRefresh(() => router.refresh());

  /**
   * Server calls that change or count the queues run one after another, so a
   * count read after a call includes that call and every call before it, and
   * none after it, whatever order the answers would otherwise take.
   */
  function inTurn<T>(call: () => Promise<T>): Promise<T> {
    setCallsInFlight((count) => count + 1);
    const result = serverCalls.current.then(call).finally(() => setCallsInFlight((count) => count - 1));
    serverCalls.current = result.catch(() => undefined);
    return result;
  }

  /** A decision on its way: the badges show its effect at once. */
  function expectChange(change: CountChange): void {
    sequence.current += 1;
    const entry = { sequence: sequence.current, change };
    setChangesAhead((list) => [...list, entry]);
  }

  /** Reads the counts after everything sent so far, unless a later decision will read them again anyway. */
  function recount(): void {
    const upTo = sequence.current;
    void inTurn(async () => {
      if (sequence.current > upTo) return;
      const result = await queueCountsAction(filter);
      if (!result.ok) return;
      setReadCounts(result.data);
      setChangesAhead((list) => list.filter((entry) => entry.sequence > upTo));
    });
  }

  const moveTo = (row: Row | null | undefined) => {
    if (!row) return;
    setActiveId(row.id);
    focusNext.current = row.id;
  };

  const neighbourOf = (id: string): Row | null => {
    const index = visible.findIndex((row) => row.id === id);
    return visible[index + 1] ?? visible[index - 1] ?? null;
  };

  const hide = (ids: readonly string[]) => setHidden((current) => new Set([...current, ...ids]));
  const unhide = (ids: readonly string[]) =>
    setHidden((current) => {
      const next = new Set(current);
      for (const id of ids) next.delete(id);
      return next;
    });
  const setRowBusy = (id: string, on: boolean) =>
    setBusy((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  async function decide(row: Row, decision: Decision) {
    if (busy.has(row.id) || !decisionsFor(row.status, row.flaggedAt !== null).includes(decision)) return;
    // Optimistic: the comment leaves the list now and the cursor moves on; it comes back if the server refuses.
    if (row.id === active?.id) moveTo(neighbourOf(row.id));
    setRowBusy(row.id, true);
    hide([row.id]);
    if (panel?.id === row.id) setPanel(null);
    expectChange(decisionChange({ status: row.status, reported: row.flaggedAt !== null }, statusForDecision[decision]));
    const answer = inTurn(() => moderateCommentAction({ commentId: row.id, seenStatus: row.status, decision }));
    recount();
    const result = await answer;
    setRowBusy(row.id, false);
    if (!result.ok) {
      unhide([row.id]);
      setNotice({ tone: "error", text: result.error.message });
      return;
    }
    if (result.data.changed) {
      setNotice({
        tone: "ok",
        text: `${pastTense[decision]}: comment by ${row.authorName}.`,
        // Approving a reported comment only cleared its reports: there is no earlier status to go back to.
        undo:
          result.data.previousStatus === result.data.status
            ? undefined
            : { id: row.id, now: result.data.status, back: decisionForStatus[result.data.previousStatus] },
      });
    } else {
      setNotice({ tone: "warn", text: result.data.message });
    }
    setSelected((current) => {
      const next = new Set(current);
      next.delete(row.id);
      return next;
    });
    refresh();
  }

  async function undo() {
    const last = notice?.undo;
    if (!last) return;
    setNotice(null);
    // Undo follows a decision, which cleared any reports: only the status moves back.
    expectChange(decisionChange({ status: last.now, reported: false }, statusForDecision[last.back]));
    const answer = inTurn(() => moderateCommentAction({ commentId: last.id, seenStatus: last.now, decision: last.back }));
    recount();
    const result = await answer;
    if (!result.ok) {
      setNotice({ tone: "error", text: result.error.message });
      return;
    }
    setNotice({ tone: result.data.changed ? "ok" : "warn", text: result.data.changed ? "Undone." : result.data.message });
    unhide([last.id]);
    setActiveId(last.id);
    focusNext.current = last.id;
    refresh();
  }

  /** What a bulk decision should do to the badges: exact for chosen rows, the queue's count for "all matching". */
  function bulkChange(selection: BulkSelection, decision: Decision): CountChange {
    const target = statusForDecision[decision];
    if (selection.kind === "ids") {
      return combineChanges(
        selectedRows
          .filter((row) => selection.items.some((item) => item.id === row.id))
          .map((row) => decisionChange({ status: row.status, reported: row.flaggedAt !== null }, target)),
      );
    }
    // A capped count is no number to move; from Reported the statuses are unknown here. The count read afterwards settles both.
    const from = statusOfQueue[queue];
    if (total.capped) return {};
    if (!from) return { reported: -total.count };
    return scaleChange(decisionChange({ status: from, reported: false }, target), total.count);
  }

  async function bulk(decision: Decision) {
    if (bulkRunning) return;
    let selection: BulkSelection;
    let ids: string[];
    if (allMatching) {
      selection = { kind: "filter", queue, filter, upTo: loadedAt };
      ids = visible.map((row) => row.id);
    } else {
      const chosen = selectedRows.filter((row) => decisionsFor(row.status, row.flaggedAt !== null).includes(decision));
      if (chosen.length === 0) return;
      selection = { kind: "ids", items: chosen.map((row) => ({ id: row.id, seenStatus: row.status })) };
      ids = chosen.map((row) => row.id);
    }
    setBulkRunning(true);
    expectChange(bulkChange(selection, decision));
    const answer = inTurn(() => bulkModerateAction({ selection, decision }));
    recount();
    const result = await answer;
    setBulkRunning(false);
    if (!result.ok) {
      setNotice({ tone: "error", text: result.error.message });
      return;
    }
    hide(ids);
    setSelected(new Set());
    setAllMatching(false);
    setNotice({ tone: result.data.skipped.length || result.data.remaining ? "warn" : "ok", text: result.data.message });
    refresh();
  }

  const toggleSelect = (id: string) => {
    setAllMatching(false);
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };

  const toggleAllOnPage = () => {
    setAllMatching(false);
    setSelected(allOnPageSelected ? new Set() : new Set(visible.map((row) => row.id)));
  };

  const openPanel = (row: Row, kind: "reply" | "ban" | null) => {
    setActiveId(row.id);
    setPanel(kind ? { id: row.id, kind } : null);
    if (!kind) focusNext.current = row.id;
  };

  // One listener for the page's lifetime that always sees the latest state.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (help.current?.open && event.key !== "?") return;
    if (isTyping(event.target)) return;
    const key = event.key;
    const lower = key.toLowerCase();
    const decision = (Object.entries(decisionKeys) as [Decision, string][]).find(([, letter]) => letter === lower)?.[0];
    let handled = true;
    if (key === "j") moveTo(visible[visible.findIndex((row) => row.id === active?.id) + 1] ?? active);
    else if (key === "k") moveTo(visible[visible.findIndex((row) => row.id === active?.id) - 1] ?? active);
    else if (decision && event.shiftKey) void bulk(decision);
    else if (decision && active) void decide(active, decision);
    else if (key === "x" && active) toggleSelect(active.id);
    else if (key === "r" && active && active.status !== "SPAM" && active.status !== "TRASH") openPanel(active, "reply");
    else if (key === "b" && active && canBan) openPanel(active, "ban");
    else if (key === "z" && notice?.undo) void undo();
    else if (key === "/") document.getElementById("queue-search")?.focus();
    else if (key === "?") {
      if (help.current?.open) help.current.close();
      else help.current?.showModal();
    } else if (key === "Escape") {
      if (panel) openPanel(visible.find((row) => row.id === panel.id) ?? visible[0]!, null);
      else {
        setSelected(new Set());
        setAllMatching(false);
      }
    } else handled = false;
    if (handled) event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  const bulkDecisions = decisionsForQueue(queue);
  const selectionCount = allMatching ? total.count : selectedRows.length;
  const selectionLabel = allMatching ? `All ${formatCount(total)} in ${queueLabels[queue]}` : `${selectedRows.length} selected`;
  const moreThanPage = total.capped || total.count > visible.length;

  return (
    <>
      <QueueTabs current={queue} counts={counts} filter={filter} />
      {filters}
      <section aria-label={`${queueLabels[queue]} comments`} className={styles.desk}>
        <div className={styles.toolbar}>
          <label className={styles.selectAll}>
            <input
              type="checkbox"
              checked={allOnPageSelected}
              ref={(element) => {
                if (element) element.indeterminate = selectedRows.length > 0 && !allOnPageSelected;
              }}
              onChange={toggleAllOnPage}
              disabled={visible.length === 0}
            />
            Select all on this page
          </label>
          <span className={styles.selectionCount} aria-live="polite">
            {selectionCount > 0 ? `${selectionLabel}:` : "None selected"}
          </span>
          <div className={styles.bulkButtons} role="group" aria-label="With the selected comments">
            {bulkDecisions.map((decision) => {
              const label = decisionLabel(decision, statusOfQueue[queue] ?? null);
              return (
                <button
                  key={decision}
                  type="button"
                  className={`${styles.action} ${styles[`action_${decision}`]}`}
                  disabled={selectionCount === 0 || bulkRunning}
                  aria-label={`${label} selected`}
                  aria-keyshortcuts={`Shift+${decisionKeys[decision].toUpperCase()}`}
                  onClick={() => void bulk(decision)}
                >
                  {label}
                </button>
              );
            })}
          </div>
          {interactive ? (
            <button type="button" className={styles.helpButton} aria-keyshortcuts="?" onClick={() => help.current?.showModal()}>
              Keyboard shortcuts <kbd aria-hidden="true">?</kbd>
            </button>
          ) : null}
          {/* In the sticky toolbar, not floating over the list: the outcome and its Undo never cover a row's buttons. */}
          <div className={`${styles.notice} ${notice ? styles[`notice_${notice.tone}`] : ""}`} role="status" aria-live="polite">
            {notice ? (
              <>
                <span>{notice.text}</span>
                {notice.undo ? (
                  <button type="button" className={styles.linkButton} aria-keyshortcuts="z" onClick={() => void undo()}>
                    Undo
                  </button>
                ) : null}
              </>
            ) : null}
          </div>
        </div>

        {allOnPageSelected && moreThanPage && !allMatching ? (
          <p className={styles.selectAllMatching}>
            All {visible.length} comments on this page are selected.{" "}
            <button type="button" className={styles.linkButton} onClick={() => setAllMatching(true)}>
              Select all {formatCount(total)} in {queueLabels[queue]}
              {Object.values(filter).some(Boolean) ? " matching these filters" : ""}
            </button>
          </p>
        ) : null}
        {allMatching ? (
          <p className={styles.selectAllMatching}>
            All {formatCount(total)} comments in {queueLabels[queue]} are selected (comments arriving from now on are left alone).{" "}
            <button type="button" className={styles.linkButton} onClick={() => setAllMatching(false)}>
              Select only this page
            </button>
          </p>
        ) : null}

        <p className={styles.legend} aria-hidden="true" hidden={!interactive}>
          <kbd>j</kbd>
          <kbd>k</kbd> move · <kbd>a</kbd> approve · <kbd>s</kbd> spam · <kbd>t</kbd> trash · <kbd>u</kbd> back to pending · <kbd>x</kbd> select · <kbd>r</kbd> reply ·{" "}
          <kbd>z</kbd> undo · <kbd>?</kbd> all shortcuts
        </p>

        {visible.length === 0 ? (
          <div className={styles.empty}>
            <p className={styles.emptyTitle}>{Object.values(filter).some(Boolean) ? "No comments match these filters here." : `Nothing in ${queueLabels[queue]}.`}</p>
            <p className={styles.muted}>{queue === "pending" || queue === "reported" ? "The queue is clear. New comments will appear here." : null}</p>
          </div>
        ) : (
          // Busy while decisions are still on their way to the server: the list will be read again after them.
          <ol className={styles.rows} aria-busy={callsInFlight > 0}>
            {visible.map((row) => (
              <li key={row.id}>
                <QueueRow
                  row={row}
                  queue={queue}
                  filter={filter}
                  active={row.id === active?.id}
                  selected={selected.has(row.id) || allMatching}
                  busy={busy.has(row.id)}
                  panel={panel?.id === row.id ? panel.kind : null}
                  canBan={canBan}
                  staffName={staffName}
                  ref={(element) => {
                    if (element) rowElements.current.set(row.id, element);
                    else rowElements.current.delete(row.id);
                  }}
                  onActivate={() => setActiveId(row.id)}
                  onToggleSelect={() => toggleSelect(row.id)}
                  onDecide={(decision) => void decide(row, decision)}
                  onPanel={(kind) => openPanel(row, kind)}
                  onReplied={(message, parentApproved) => {
                    recount();
                    setPanel(null);
                    setNotice({ tone: "ok", text: message });
                    if (parentApproved && queue === "pending") {
                      moveTo(neighbourOf(row.id));
                      hide([row.id]);
                    } else focusNext.current = row.id;
                    refresh();
                  }}
                  onBanned={(message) => {
                    recount();
                    setPanel(null);
                    setNotice({ tone: "ok", text: message });
                    focusNext.current = row.id;
                    refresh();
                  }}
                />
              </li>
            ))}
          </ol>
        )}
        <ShortcutsDialog ref={help} />
      </section>
    </>
  );
}
