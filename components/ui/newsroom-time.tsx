import { formatDate, formatDateTime } from "@/lib/dates";
import { getTimeZone } from "@/lib/services/settings";

/**
 * A moment on a server-rendered page, printed on the newsroom's clock
 * (lib/dates.ts) with the machine-readable instant beside it. Pages that show
 * dates are revalidated when the zone setting changes.
 */
export async function NewsroomTime({ date, dateOnly = false, className }: { date: Date; dateOnly?: boolean; className?: string }) {
  const timeZone = await getTimeZone();
  const text = dateOnly ? formatDate(date, timeZone) : formatDateTime(date, timeZone);
  return (
    <time dateTime={date.toISOString()} className={className} title={dateOnly ? formatDateTime(date, timeZone) : undefined}>
      {text}
    </time>
  );
}
