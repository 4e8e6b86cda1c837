import type { Metadata } from "next";
import styles from "@/components/admin/admin.module.css";
import { ModerationSettingsForm, SiteSettingsForm } from "@/components/admin/settings-forms";
import { requirePageUser } from "@/lib/auth";
import { formatDateTime, timeZoneNames } from "@/lib/dates";
import { getEditableSetting } from "@/lib/services/settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePageUser("settings:manage", "/dashboard/settings");
  const [moderation, site] = await Promise.all([getEditableSetting("moderation"), getEditableSetting("site")]);
  const zone = site.value.timeZone;
  // A zone saved under a name this server's list spells differently stays choosable rather than silently becoming UTC.
  const timeZones = timeZoneNames().includes(zone) ? timeZoneNames() : [zone, ...timeZoneNames()];
  const lastChange = [moderation, site]
    .filter((setting) => setting.updatedAt)
    .sort((a, b) => (b.updatedAt?.getTime() ?? 0) - (a.updatedAt?.getTime() ?? 0))[0];
  return (
    <div className={styles.narrow}>
      <div className={styles.pageHead}>
        <div>
          <h1 className={styles.title}>Settings</h1>
          <p className={styles.lede}>
            {lastChange?.updatedAt
              ? `Last changed ${formatDateTime(lastChange.updatedAt, zone)}${lastChange.updatedBy ? ` by ${lastChange.updatedBy}` : ""}. Every change is in the audit log.`
              : "Still the defaults. Every change is recorded in the audit log."}
          </p>
        </div>
      </div>
      <ModerationSettingsForm value={moderation.value} version={moderation.version} />
      <SiteSettingsForm value={site.value} version={site.version} timeZones={timeZones} />
    </div>
  );
}
