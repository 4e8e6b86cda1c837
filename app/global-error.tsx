"use client";

/** Last resort when the root layout itself fails: plain HTML, no app styles. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "36rem", margin: "5rem auto", padding: "0 1rem" }}>
        <h1>Something went wrong on our side</h1>
        <p>The page could not be shown just now. Please try again in a moment.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
