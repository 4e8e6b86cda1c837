import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

export interface SectionLink {
  name: string;
  slug: string;
}

/** Sections in navigation order. */
export const listSections = cache(async (): Promise<SectionLink[]> => {
  return db.section.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { name: true, slug: true } });
});
