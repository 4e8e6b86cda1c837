"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { firstLines } from "@/lib/comment-thread";

/**
 * Which comment the reader is replying to. Each comment's Reply link is a
 * real link to a reply page (so it works without JavaScript); with JavaScript
 * it sets the target here instead and the one comment form below the thread
 * becomes a reply form, quoting the start of the comment it answers.
 */

export interface ReplyTarget {
  id: string;
  authorName: string;
  /** The first lines of the comment answered, as the form quotes them. */
  excerpt: string;
}

interface ReplyState {
  target: ReplyTarget | null;
  replyTo: (target: ReplyTarget | null) => void;
}

const ReplyContext = createContext<ReplyState>({ target: null, replyTo: () => {} });

export const COMMENT_FORM_ID = "respond";

/** Marks the element holding a comment's text, which its Reply link quotes. */
export const COMMENT_TEXT_ATTRIBUTE = "data-comment-text";

export function ReplyProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<ReplyTarget | null>(null);
  const replyTo = useCallback((next: ReplyTarget | null) => {
    setTarget(next);
    if (!next) return;
    const form = document.getElementById(COMMENT_FORM_ID);
    form?.scrollIntoView({ block: "start" });
    // Straight to the comment box: the name and email are often filled in already.
    form?.querySelector<HTMLTextAreaElement>("textarea")?.focus({ preventScroll: true });
  }, []);
  const value = useMemo(() => ({ target, replyTo }), [target, replyTo]);
  return <ReplyContext.Provider value={value}>{children}</ReplyContext.Provider>;
}

export const useReplyTarget = () => useContext(ReplyContext);

export function ReplyLink({ href, target, className }: { href: string; target: Omit<ReplyTarget, "excerpt">; className?: string }) {
  const { replyTo } = useReplyTarget();
  return (
    <a
      href={href}
      className={className}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        // The quote is read from the comment on the page rather than sent with every Reply link: the text is already there.
        const text = event.currentTarget.closest("article")?.querySelector<HTMLElement>(`[${COMMENT_TEXT_ATTRIBUTE}]`)?.innerText ?? "";
        replyTo({ ...target, excerpt: firstLines(text) });
      }}
    >
      Reply<span className="visually-hidden"> to {target.authorName}</span>
    </a>
  );
}
