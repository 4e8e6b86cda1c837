import { Fragment } from "react";
import { linkifyPlainText } from "@/lib/plain-text";
import styles from "./article.module.css";

/**
 * A comment's plain text, as React text nodes (escaped), split into
 * paragraphs; web addresses become links that pass no ranking or opener rights.
 */
export function CommentText({ text }: { text: string }) {
  return (
    <div className={styles.commentBody} dir="auto" data-comment-text="">
      {text.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index}>
          {paragraph.split("\n").map((line, lineIndex) => (
            <Fragment key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {linkifyPlainText(line).map((part, partIndex) =>
                part.kind === "link" ? (
                  <a key={partIndex} href={part.href} rel="nofollow ugc noopener" target="_blank">
                    {part.text}
                  </a>
                ) : (
                  <Fragment key={partIndex}>{part.text}</Fragment>
                ),
              )}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}
