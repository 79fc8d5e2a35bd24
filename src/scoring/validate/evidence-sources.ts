/**
 * Where a criterion's evidence is: its evidence cell (words meaning "none" taken out), the link behind that cell,
 * and an appendix sheet when the cell points at one ("Xem phụ lục", "Kèm theo", "Theo danh mục") or the sheet has
 * no evidence column at all.
 */
import { EvidenceDoc, parseEvidenceFrom } from "../evidence";
import { CellValue } from "../values";
import { Appendix, findAppendices, isAppendixPointer } from "../evidence/appendix";
import { WorkbookEvidence } from "../evidence/files";
import { linkAt } from "../evidence/links";
import { isNoEvidence } from "../evidence/links";
import { Grid } from "../grid";
import { UnitRow, UnitSheet } from "../sheet/types";

/** A document of a criterion, with the cell it was read from. */
export interface SourcedDoc extends EvidenceDoc {
  /** The sheet and cell it came from (the evidence cell, or a cell of an appendix sheet). */
  sheet: string;
  cell: string;
}

export interface RowEvidence {
  docs: SourcedDoc[];
  /** The link behind the evidence cell, when it has one. */
  link: string | null;
  /** The appendix the documents were read from (the cell points at it, or there is no evidence column). */
  appendix: Appendix | null;
  /** The cell's pointer text ("Xem phụ lục"), when it had one. */
  pointer: string | null;
}

/** The workbook's appendices and the unit's own grid, worked out once per validation. */
export interface EvidenceSources {
  grid: Grid | undefined;
  appendices: Appendix[];
}

export function evidenceSources(unit: UnitSheet, evidence: WorkbookEvidence | undefined): EvidenceSources {
  const grids = evidence?.grids ?? [];
  return { grid: grids.find((g) => g.name === unit.sheet), appendices: findAppendices(grids, new Set([unit.sheet])) };
}

/**
 * The documents that are not a word meaning "none", each with the cell it came from. Made with their sheet and
 * cell by the parser (an object spread here cost a third of validating a large sheet; a copy, still a share).
 */
function sourced(value: CellValue, sheet: string, cell: string): SourcedDoc[] {
  const docs: SourcedDoc[] = parseEvidenceFrom(value, sheet, cell);
  let none = 0;
  for (const d of docs) if (isNoEvidence(d.text)) none++;
  return none === 0 ? docs : docs.filter((d) => !isNoEvidence(d.text));
}

/** No documents: one shared empty list, only read (not one made for every row). */
const NO_DOCS: readonly SourcedDoc[] = [];

/** The documents of a criterion, from wherever the unit put them. */
export function rowEvidence(sources: EvidenceSources, unit: UnitSheet, code: string, row: UnitRow): RowEvidence {
  const cell = row.evidence?.cell ?? row.codeCell.cell;
  const own: SourcedDoc[] = row.evidence ? sourced(row.evidence.value, unit.sheet, cell) : [];
  const link = row.evidence ? linkAt(sources.grid, row.evidence.cell) : null;
  // Pointers matter only when the workbook has an appendix (most have none: no text is folded for them then).
  const pointers = sources.appendices.length > 0 ? own.filter((d) => isAppendixPointer(d.text)) : NO_DOCS;
  const appendix =
    sources.appendices.length > 0 && (row.evidence === null || unit.header.columns.evidence === undefined || pointers.length > 0)
      ? (sources.appendices.find((a) => a.documents.has(code)) ?? sources.appendices[0])
      : null;
  if (!appendix) return { docs: own, link, appendix: null, pointer: null };
  const listed: SourcedDoc[] = (appendix.documents.get(code) ?? []).flatMap((entry) => sourced(entry.text, appendix.sheet, entry.cell));
  return { docs: [...own.filter((d) => !pointers.includes(d)), ...listed], link, appendix, pointer: pointers[0]?.text ?? null };
}
