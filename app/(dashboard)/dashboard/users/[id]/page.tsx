import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "@/lib/zod";
import styles from "@/components/admin/admin.module.css";
import { AccessForm, PasswordForm, RoleForm } from "@/components/admin/staff-forms";
import { requirePageUser } from "@/lib/auth";
import { formatDateTime } from "@/lib/dates";
import { getTimeZone } from "@/lib/services/settings";
import { roleLabels } from "@/lib/roles";
import { getStaffMember } from "@/lib/services/staff";

export const metadata: Metadata = { title: "Staff member" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function StaffMemberPage({ params, searchParams }: Props) {
  const { id } = await params;
  const me = await requirePageUser("user:manage", `/dashboard/users/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const member = await getStaffMember(id);
  if (!member) notFound();
  const { created } = await searchParams;
  const timeZone = await getTimeZone();
  const isSelf = member.id === me.id;

  return (
    <div className={styles.narrow}>
      <Link href="/dashboard/users" className={styles.back}>
        ← Staff
      </Link>
      <div className={styles.pageHead}>
        <div>
          <h1 className={styles.title}>{member.name}</h1>
          <p className={styles.lede}>
            {member.email} · <span className={styles.pill}>{roleLabels[member.role]}</span>{" "}
            {member.active ? <span className={`${styles.pill} ${styles.pillOk}`}>Active</span> : <span className={styles.pill}>Deactivated</span>}
          </p>
          <p className={styles.meta}>
            Joined {formatDateTime(member.createdAt, timeZone)} · {member.lastSignInAt ? `last signed in ${formatDateTime(member.lastSignInAt, timeZone)}` : "never signed in"} ·{" "}
            <Link href={`/dashboard/moderation/log?targetType=user&targetId=${member.id}`}>account history</Link>
          </p>
        </div>
      </div>
      {created ? (
        <p role="status" className={`${styles.card} ${styles.pillOk}`}>
          Account created. Give {member.name} their password privately; they can sign in now.
        </p>
      ) : null}
      <RoleForm userId={member.id} role={member.role} isSelf={isSelf} />
      <AccessForm userId={member.id} active={member.active} name={member.name} />
      <PasswordForm userId={member.id} isSelf={isSelf} />
    </div>
  );
}
