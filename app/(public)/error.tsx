"use client";

import { StatusPage } from "@/components/ui/status-page";

/** A public page failed to render: the masthead stays, the reader gets a way to retry. */
export default function PublicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage code="Error" title="Something went wrong on our side">
      <p>This page could not be shown just now. Please try again in a moment.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </p>
    </StatusPage>
  );
}
