import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/components/admin/admin.module.css";
import { requirePageUser } from "@/lib/auth";
import { formatDateTime } from "@/lib/dates";
import { getTimeZone } from "@/lib/services/settings";
import { roleLabels } from "@/lib/roles";
import { listStaff } from "@/lib/services/staff";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  const me = await requirePageUser("user:manage", "/dashboard/users");
  const timeZone = await getTimeZone();
  const staff = await listStaff();
  const active = staff.filter((member) => member.active).length;
  return (
    <>
      <div className={styles.pageHead}>
        <div>
          <h1 className={styles.title}>Staff</h1>
          <p className={styles.lede}>
            {active} active, {staff.length - active} deactivated. Roles decide who may write, publish, moderate and administer.
          </p>
        </div>
        <Link href="/dashboard/users/new" className={styles.primary}>
          Add staff member
        </Link>
      </div>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption className="visually-hidden">Staff accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id} className={member.active ? undefined : styles.inactive}>
                <th scope="row">
                  <Link href={`/dashboard/users/${member.id}`}>{member.name}</Link>
                  {member.id === me.id ? <span className={styles.meta}> (you)</span> : null}
                </th>
                <td>{member.email}</td>
                <td>
                  <span className={`${styles.pill} ${member.role === "ADMIN" ? styles.pillWarn : ""}`}>{roleLabels[member.role]}</span>
                </td>
                <td>{member.active ? <span className={`${styles.pill} ${styles.pillOk}`}>Active</span> : <span className={styles.pill}>Deactivated</span>}</td>
                <td className={styles.nowrap}>{member.lastSignInAt ? formatDateTime(member.lastSignInAt, timeZone) : <span className={styles.meta}>Never</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
