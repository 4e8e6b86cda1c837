"use client";

import { StatusPage } from "@/components/ui/status-page";

/** Any unexpected failure while rendering: no details, a way to retry. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main">
      <StatusPage code="Error" title="Something went wrong on our side">
        <p>The page could not be shown just now. Please try again in a moment.</p>
        <p>
          <button type="button" onClick={reset}>
            Try again
          </button>
        </p>
      </StatusPage>
    </main>
  );
}
