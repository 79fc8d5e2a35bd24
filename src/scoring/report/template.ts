/**
 * The unit's self-assessment sheet ("Mẫu") generated from a catalogue, as a SheetSpec both writers can render.
 * It is the user's sheet once created (kind "template" is never marked as owned or regenerated).
 */
import { Catalog } from "../catalog";
import { Lang } from "../i18n/messages";
import { SheetSpec } from "./sheet-spec";

export interface TemplateOptions {
  lang?: Lang;
  /** Written as "Đơn vị: …" in the title rows (blank: left for the user to fill). */
  unit?: string;
  /** Year shown in the title (default: none). */
  year?: number;
  /** Wanted sheet name (the writer still makes it unique). */
  name?: string;
}

/** Where things are in a template sheet, for writers and tests. */
export interface TemplateLayout {
  /** 0-based header row. */
  headerRow: number;
  /** 0-based first criterion row. */
  firstRow: number;
  /** 0-based column per role. */
  columns: { code: number; name: number; max: number; value: number; self: number; appraised: number; evidence: number; notes: number };
}

export declare function templateLayout(): TemplateLayout;

/**
 * Title rows, the header the core recognises, one row per catalogue node (fields bold, indentation by level),
 * =PAR.SCORE(value, code) on leaves with a rule, parent rows summing their children, a total row, data
 * validation (0..max or "Không áp dụng") on typed score cells, number formats 0.00, frozen header.
 */
export declare function templateSheet(catalog: Catalog, options?: TemplateOptions): SheetSpec;
