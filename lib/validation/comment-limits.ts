/**
 * Length limits of reader comments, apart from their zod schema
 * (lib/validation/comment.ts): the comment form, a client component, needs
 * the numbers for its maxlength attributes, and importing the schema module
 * would ship all of zod (about 90 KB gzip) to every reader of every story.
 */
export const COMMENT_MAX_LENGTH = 5000;
export const AUTHOR_NAME_MAX_LENGTH = 80;
export const REPORT_REASON_MAX_LENGTH = 500;

/** The most comments a browser remembers as its own (components/article/own-comments.ts), and asks about at once. */
export const OWN_COMMENTS_MAX = 50;
