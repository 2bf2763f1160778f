import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { getLeechRule } from "@/lib/data/card-marks";
import { getNotificationSettings } from "@/lib/data/notifications";
import { getStudySettings } from "@/lib/data/settings";
import { getWorkloadInput } from "@/lib/data/workload";
import { LeechForm } from "./leech-form";
import { NotificationSettingsForm } from "./notification-settings-form";
import { OptimizeSection } from "./optimize-section";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Study settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  const [settings, workload, leech, notifications] = await Promise.all([
    getStudySettings(user.id),
    getWorkloadInput(user.id, new Date()),
    getLeechRule(user.id),
    getNotificationSettings(user.id),
  ]);
  return (
    <>
      <h1>Study settings</h1>
      <p className="muted">
        How Retain schedules your reviews. Changes apply from your next card. Decks can have their own
        options: <Link href="/settings/decks">deck options</Link>.
      </p>
      <SettingsForm settings={settings} workload={workload} />
      <LeechForm rule={leech} />
      <NotificationSettingsForm
        settings={notifications}
        trainer={user.role === "trainer"}
        timeZone={settings.timeZone}
      />
      <OptimizeSection userId={user.id} />
    </>
  );
}
