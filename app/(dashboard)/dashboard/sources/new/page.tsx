import type { Metadata } from "next";
import Link from "next/link";
import ui from "@/components/dashboard/desk-ui.module.css";
import { SourceForm } from "@/components/sources/source-form";
import { requirePageUser } from "@/lib/auth";

export const metadata: Metadata = { title: "New source" };

export default async function NewSourcePage() {
  await requirePageUser("source:create", "/dashboard/sources/new");
  return (
    <>
      <div className={ui.pageHeader}>
        <div>
          <p className={ui.crumbs}>
            <Link href="/dashboard/sources">Sources</Link>
          </p>
          <h1 className={ui.pageTitle}>New source</h1>
          <p className={ui.pageLede}>Add each source once; every story can then cite it.</p>
        </div>
      </div>
      <SourceForm />
    </>
  );
}
