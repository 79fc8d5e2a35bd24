/** Office adapter of the active-catalogue storage: the workbook's document settings, saved with saveAsync. */
import { SettingsStorage } from "../../functions/active-catalog";

export function documentSettingsStorage(settings: Office.Settings = Office.context.document.settings): SettingsStorage {
  return {
    get: (key) => settings.get(key),
    set: (key, value) => settings.set(key, value),
    save: () =>
      new Promise<void>((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Failed) reject(new Error(result.error?.message ?? "saveAsync failed"));
          else resolve();
        });
      }),
  };
}
