"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { undeleteArticleAction } from "@/app/(dashboard)/dashboard/articles/actions";
import ui from "./desk-ui.module.css";

/** Takes a story out of the trash (the undo of a delete) and shows the result in place. */
export function RestoreFromTrash({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className={`${ui.buttonSecondary} ${ui.small}`}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await undeleteArticleAction({ id });
            if (!result.ok) {
              setMessage(result.error.message);
              return;
            }
            router.replace(`/dashboard/articles/${id}?undeleted=1`);
          })
        }
      >
        {pending ? "Restoring…" : label}
      </button>
      {message ? <span role="alert">{message}</span> : null}
    </>
  );
}
