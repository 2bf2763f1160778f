import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { getNotificationSettings } from "@/lib/data/notifications";
import { getStudySettings } from "@/lib/data/settings";
import { getWorkloadInput } from "@/lib/data/workload";
import { NotificationSettingsForm } from "./notification-settings-form";
import { OptimizeSection } from "./optimize-section";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Study settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  const [settings, workload, notifications] = await Promise.all([
    getStudySettings(user.id),
    getWorkloadInput(user.id, new Date()),
    getNotificationSettings(user.id),
  ]);
  return (
    <>
      <h1>Study settings</h1>
      <p className="muted">How Retain schedules your reviews. Changes apply from your next card.</p>
      <SettingsForm settings={settings} workload={workload} />
      <NotificationSettingsForm
        settings={notifications}
        trainer={user.role === "trainer"}
        timeZone={settings.timeZone}
      />
      <OptimizeSection userId={user.id} />
    </>
  );
}
