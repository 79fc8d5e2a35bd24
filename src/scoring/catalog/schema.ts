import { z } from "zod";

/** A criterion code: "1", "1.3", "1.3.1" (dot-separated positive integers). */
export const codeSchema = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)*$/, "mã tiêu chí phải có dạng 1, 1.3 hoặc 1.3.1 (code must look like 1, 1.3 or 1.3.1)");

const points = z.number().finite();

/** One required evidence document (tài liệu kiểm chứng). A bare string is shorthand for { name }. */
export const evidenceItemSchema = z.union([
  z.string().trim().min(1).transform((name) => ({ name })),
  z.object({
    name: z.string().trim().min(1),
    /** Points this document is worth, where the seed gives them (e.g. the periodic reports of 1.2). */
    points: points.nullish(),
    /** Target points for this document, where the seed gives them. */
    target: points.nullish(),
    /** The agency that produces it, where it differs from the criterion's lead. */
    lead: z.string().trim().min(1).nullish(),
  }),
]);

export interface CatalogNodeInput {
  code: string;
  name: string;
  max?: number | null;
  target?: number | null;
  targetText?: string | null;
  rule?: string | null;
  evidence?: Array<string | { name: string; points?: number | null; target?: number | null; lead?: string | null }>;
  evidenceRequirement?: string | null;
  deadline?: string | null;
  lead?: string | null;
  coordinating?: string | null;
  appraisedBy?: string | null;
  assessedBy?: AssessedBy | null;
  kind?: SectionKind | null;
  children?: CatalogNodeInput[];
}

/** Who scores a criterion: the unit itself (then the appraisal council), or a sociological survey (điều tra XHH). */
export type AssessedBy = "self" | "survey";

/** A section that adds to (điểm thưởng, điểm cộng) or takes from (điểm trừ) the points, outside the maximum. */
export type SectionKind = "bonus" | "penalty";

const optionalText = z
  .string()
  .nullish()
  .transform((s) => (s == null || s.trim() === "" ? null : s.trim()));

export const catalogNodeSchema: z.ZodType<CatalogNode, CatalogNodeInput> = z.lazy(() =>
  z.object({
    code: codeSchema,
    name: z.string().trim().min(1, "tên tiêu chí không được để trống (name must not be empty)"),
    /** Maximum points (điểm tối đa); null where the source gives none: the user supplies it. */
    max: points.min(0).nullish().transform((v) => v ?? null),
    /** Target points set by the plan (điểm mục tiêu); null where the source gives none. */
    target: points.nullish().transform((v) => v ?? null),
    /** The source's own wording of the target ("Duy trì đạt điểm tối đa 0.5/0.5 điểm"). */
    targetText: optionalText,
    /** Scoring rule in PAR notation (see README); null where the source states no threshold. */
    rule: optionalText,
    evidence: z.array(evidenceItemSchema).default([]),
    evidenceRequirement: optionalText,
    /** Deadline as the source words it ("Ngày 30/12/2018", "Quý IV năm 2018"). */
    deadline: optionalText,
    lead: optionalText,
    coordinating: optionalText,
    /**
     * The agency of the appraisal council (hội đồng thẩm định) that appraises this node ("Sở Tư pháp"); absent: as its
     * parent (unset at the top: no agency assigned yet). Only leaves are appraised; a field or criterion names the
     * agency for everything under it.
     */
    appraisedBy: z
      .string()
      .nullish()
      .transform((s) => (s == null || s.trim() === "" ? undefined : s.trim().replace(/\s+/g, " "))),
    /**
     * "survey": scored by a sociological survey, not by the unit (its subtree too); its points come from a survey
     * column or a survey table. Absent: as its parent ("self" at the top).
     */
    assessedBy: z
      .enum(["self", "survey"])
      .nullish()
      .transform((v) => v ?? undefined),
    /**
     * On a field only: "bonus" (điểm thưởng/điểm cộng) or "penalty" (điểm trừ). Its max is a cap; its points add to or
     * subtract from the achieved points and stay out of the index's denominator.
     */
    kind: z
      .enum(["bonus", "penalty"])
      .nullish()
      .transform((v) => v ?? undefined),
    children: z.array(catalogNodeSchema).default([]),
  }),
);

export const catalogSchema = z.object({
  /** Stable identifier: lower-case letters, digits and dashes ("dien-bien-2018"). */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "id chỉ gồm chữ thường không dấu, số và dấu gạch ngang"),
  name: z.string().trim().min(1),
  /** Where the catalogue comes from (document number, date, issuer). */
  source: optionalText,
  /**
   * Which units it assesses: departments, wards, communes, special zones (since 1 July 2025); the province as a
   * whole and districts for historical catalogues.
   */
  level: z.enum(["department", "ward", "commune", "special-zone", "district", "province"]).nullish().transform((v) => v ?? null),
  /** The province whose units it assesses ("Hải Phòng"): unit names are checked against its official units. */
  province: optionalText.optional(),
  year: z.number().int().nullish().transform((v) => v ?? null),
  /** Class bands of this catalogue's units ("Nhóm I>=90; Nhóm II>=80; Khác"), used unless others are asked for. */
  bands: z
    .string()
    .nullish()
    .transform((s) => (s == null || s.trim() === "" ? undefined : s.trim()))
    .optional(),
  nodes: z.array(catalogNodeSchema).min(1, "danh mục phải có ít nhất một lĩnh vực (at least one field)"),
});

export interface EvidenceItem {
  name: string;
  points?: number | null;
  target?: number | null;
  lead?: string | null;
}

export interface CatalogNode {
  code: string;
  name: string;
  max: number | null;
  target: number | null;
  targetText: string | null;
  rule: string | null;
  evidence: EvidenceItem[];
  evidenceRequirement: string | null;
  deadline: string | null;
  lead: string | null;
  coordinating: string | null;
  /** The appraising agency named on this node itself (see appraisingAgency for the inherited one). */
  appraisedBy?: string;
  assessedBy?: AssessedBy;
  kind?: SectionKind;
  children: CatalogNode[];
}

export type CatalogInput = z.input<typeof catalogSchema>;
export type Catalog = z.output<typeof catalogSchema>;
