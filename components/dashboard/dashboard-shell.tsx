import Link from "next/link";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/(dashboard)/actions";
import { can, type Permission } from "@/lib/permissions";
import type { StaffUser } from "@/lib/services/users";
import { roleLabels } from "@/lib/roles";
import styles from "./dashboard-shell.module.css";

interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

/** Only areas that exist and that this role may open are listed. */
const navigation: NavItem[] = [
  { href: "/dashboard", label: "Home", permission: "dashboard:enter" },
  { href: "/dashboard/articles", label: "Stories", permission: "article:draft" },
  { href: "/dashboard/sources", label: "Sources", permission: "source:create" },
  { href: "/dashboard/moderation", label: "Moderation", permission: "comment:moderate" },
  { href: "/dashboard/users", label: "Staff", permission: "user:manage" },
  { href: "/dashboard/settings", label: "Settings", permission: "settings:manage" },
];

export function DashboardShell({ user, children }: { user: StaffUser; children: ReactNode }) {
  return (
    <div className={styles.shell}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {/* Moderators come for the queue: the second Tab from the top reaches it, not the seventh. */}
      {can(user.role, "comment:moderate") ? (
        <Link className="skip-link" href="/dashboard/moderation">
          Skip to moderation
        </Link>
      ) : null}
      <header className={styles.topbar}>
        <Link href="/dashboard" className={styles.brand}>
          Newsroom <span>dashboard</span>
        </Link>
        <div className={styles.account}>
          <span>
            {user.name} <span className={styles.role}>{roleLabels[user.role]}</span>
          </span>
          <Link href="/">View site</Link>
          <form action={signOutAction}>
            <button type="submit" className={styles.signOut}>
              Sign out
            </button>
          </form>
        </div>
      </header>
      <nav aria-label="Dashboard" className={styles.sidebar}>
        <ul>
          {navigation
            .filter((item) => can(user.role, item.permission))
            .map((item) => (
              <li key={item.href}>
                <Link href={item.href}>{item.label}</Link>
              </li>
            ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1} className={styles.main}>
        {children}
      </main>
    </div>
  );
}
