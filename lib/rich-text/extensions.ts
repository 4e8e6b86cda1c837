import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { ArticleImage } from "./article-image";

/**
 * The one list of rich-text features, shared by the editor in the browser and
 * the renderer on the server, so a document the editor can make is exactly a
 * document the server can render (and nothing else validates).
 */
export const articleBodyExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    codeBlock: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ["http", "https", "mailto"],
      defaultProtocol: "https",
    },
  }),
  ArticleImage.configure({ inline: false, allowBase64: false }),
];
