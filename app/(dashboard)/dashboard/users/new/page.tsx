import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/components/admin/admin.module.css";
import { CreateStaffForm } from "@/components/admin/staff-forms";
import { requirePageUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Add staff member" };

export default async function NewStaffPage() {
  await requirePageUser("user:manage", "/dashboard/users/new");
  return (
    <div className={styles.narrow}>
      <Link href="/dashboard/users" className={styles.back}>
        ← Staff
      </Link>
      <div className={styles.pageHead}>
        <div>
          <h1 className={styles.title}>Add staff member</h1>
          <p className={styles.lede}>They sign in at /login with this email and password. Their author page uses their name.</p>
        </div>
      </div>
      <CreateStaffForm />
    </div>
  );
}
