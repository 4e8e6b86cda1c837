"use client";

import type { Ref } from "react";
import { shortcuts } from "./shortcuts";
import styles from "./moderation.module.css";

/** The full list of shortcuts, in a native modal dialog (focus kept inside, Esc closes). */
export function ShortcutsDialog({ ref }: { ref: Ref<HTMLDialogElement> }) {
  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <p className={styles.muted}>They work whenever the cursor is not in a text field.</p>
      <table className={styles.shortcutTable}>
        <tbody>
          {shortcuts.map((shortcut) => (
            <tr key={shortcut.does}>
              <th scope="row">
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 ? " + " : null}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </th>
              <td>{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className={styles.secondaryButton}>
          Close
        </button>
      </form>
    </dialog>
  );
}
