/**
 * The catalogue the PAR.* functions look codes up in. It defaults to DEFAULT_CATALOG_ID, is switched from the
 * task pane, and is remembered in the workbook through a SettingsStorage (Office document settings in Excel,
 * a plain object in tests). No Office.js here: the Office adapter is src/taskpane/excel/settings.ts.
 */
import { builtinCatalog, Catalog, DEFAULT_CATALOG_ID, isBuiltinId, parseCatalogJson, ParError } from "../scoring";

/** Workbook setting holding the active catalogue: a built-in id, or a custom catalogue's JSON. */
export const ACTIVE_CATALOG_SETTING = "par.activeCatalog";

/** Where the choice is remembered (Office.context.document.settings has this shape). */
export interface SettingsStorage {
  get(key: string): unknown;
  set(key: string, value: string): void;
  /** Makes the change last (Office: settings.saveAsync). */
  save(): Promise<void>;
}

type Listener = (catalog: Catalog) => void;

let active: Catalog | null = null;
const listeners = new Set<Listener>();

export function getActiveCatalog(): Catalog {
  return active ?? builtinCatalog(DEFAULT_CATALOG_ID);
}

/** How long PAR.* calls wait for the workbook's stored choice before answering from the default (and #BUSY! ends). */
export const STORED_CATALOG_WAIT_MS = 15_000;

let awaited: { known: Promise<void>; settle: () => void } | null = null;

/**
 * In Excel, before the task pane's start has read the workbook's stored choice: from now until catalogKnown()
 * (or STORED_CATALOG_WAIT_MS), whenCatalogKnown() makes the PAR.* functions wait instead of answering from the
 * default catalogue, which gives a custom catalogue's codes #N/A that a recalculation does not reliably clear.
 */
export function awaitStoredCatalog(waitMs = STORED_CATALOG_WAIT_MS): void {
  if (awaited) return;
  let settle!: () => void;
  const known = new Promise<void>((resolve) => (settle = resolve));
  awaited = { known, settle };
  const timer = setTimeout(catalogKnown, waitMs);
  (timer as { unref?: () => void }).unref?.();
}

/** The stored choice has been read (or there is none, or the user picked one): waiting functions go on. */
export function catalogKnown(): void {
  const waiting = awaited;
  awaited = null;
  waiting?.settle();
}

/** Null when the catalogue is known; otherwise a promise of it, once known. */
export function whenCatalogKnown(): Promise<Catalog> | null {
  return awaited ? awaited.known.then(getActiveCatalog) : null;
}

/** A built-in catalogue is stored by id; any other (custom, or a changed copy of a built-in) as its JSON. */
export function serializeCatalogChoice(catalog: Catalog): string {
  return isBuiltinId(catalog.id) && builtinCatalog(catalog.id) === catalog ? catalog.id : JSON.stringify(catalog);
}

/** Reads a stored choice back; throws ParError for an unknown id or invalid JSON. */
export function parseCatalogChoice(stored: string): Catalog {
  const text = stored.trim();
  return text.startsWith("{") ? parseCatalogJson(text, ACTIVE_CATALOG_SETTING) : builtinCatalog(text);
}

function activate(catalog: Catalog): void {
  if (catalog === active) return;
  active = catalog;
  listeners.forEach((l) => l(catalog));
}

/**
 * Switches the catalogue (a built-in id or a catalogue) and, when a storage is given, remembers it in the
 * workbook. The switch takes effect at once; a failing save rejects after it.
 */
export async function setActiveCatalog(choice: string | Catalog, storage?: SettingsStorage | null): Promise<Catalog> {
  const catalog = typeof choice === "string" ? builtinCatalog(choice) : choice;
  activate(catalog);
  catalogKnown();
  if (storage) {
    storage.set(ACTIVE_CATALOG_SETTING, serializeCatalogChoice(catalog));
    await storage.save();
  }
  return catalog;
}

export interface LoadResult {
  catalog: Catalog;
  /** Whether the stored choice differs from what was active before (formulas need recalculating). */
  changed: boolean;
  /** Why the stored value could not be used (the default stays active); null when it was fine or absent. */
  error: ParError | null;
}

/** Activates the choice remembered in the workbook; nothing stored, or an unreadable value, keeps the default. */
export function loadActiveCatalog(storage: SettingsStorage): LoadResult {
  const before = getActiveCatalog();
  const stored = storage.get(ACTIVE_CATALOG_SETTING);
  if (typeof stored !== "string" || stored.trim() === "") return { catalog: before, changed: false, error: null };
  try {
    const catalog = parseCatalogChoice(stored);
    activate(catalog);
    return { catalog, changed: catalog !== before, error: null };
  } catch (e) {
    if (e instanceof ParError) {
      // A syntax error in the stored JSON means nothing to a user; a schema error names the criterion and field.
      const error = e.key === "catalog.badJson" ? new ParError("catalog.badStored", { setting: ACTIVE_CATALOG_SETTING }) : e;
      return { catalog: before, changed: false, error };
    }
    throw e;
  }
}

/** Calls `listener` after every switch; returns the unsubscribe function. */
export function onActiveCatalogChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Back to the default with no listeners (tests). */
export function resetActiveCatalog(): void {
  active = null;
  listeners.clear();
  catalogKnown();
}
