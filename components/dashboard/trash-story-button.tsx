"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteArticleAction } from "@/app/(dashboard)/dashboard/articles/actions";
import ui from "./desk-ui.module.css";

/**
 * A story list row's "Move to trash". No question first: the list then says
 * what happened and offers Undo (RestoreFromTrash), as the editor's button does
 * after its confirmation.
 */
export function TrashStoryButton({ id, title }: { id: string; title: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className={`${ui.buttonQuiet} ${ui.small} ${ui.quietDanger}`}
        aria-label={`Move to trash: ${title}`}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await deleteArticleAction({ id });
            if (!result.ok) {
              setMessage(result.error.message);
              return;
            }
            // The list as it was (filters, page), now with the notice and its Undo.
            const next = new URLSearchParams(searchParams);
            next.set("trashed", id);
            router.replace(`${pathname}?${next.toString()}`);
          })
        }
      >
        {pending ? "Moving…" : "Move to trash"}
      </button>
      {message ? <span role="alert">{message}</span> : null}
    </>
  );
}
