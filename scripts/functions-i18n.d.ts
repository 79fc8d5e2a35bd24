/** Types of scripts/functions-i18n.js (plain CommonJS, shared by webpack.config.js and the tests). */
export interface TranslationEntry {
  vi: string;
  en: string;
}
export interface ParameterTranslation extends TranslationEntry {
  /** The English parameter name, for a Vietnamese one (giá_trị → value). */
  name?: string;
}
export interface FunctionTranslation extends TranslationEntry {
  parameters?: Record<string, ParameterTranslation>;
}
export interface TranslationTable {
  functions: Record<string, FunctionTranslation>;
}
export interface FunctionsMetadata {
  functions: Array<{
    id: string;
    name: string;
    description?: string;
    helpUrl?: string;
    options?: Record<string, unknown>;
    parameters?: Array<{ name: string; description?: string; [key: string]: unknown }>;
    [key: string]: unknown;
  }>;
  [key: string]: unknown;
}
export declare class TranslationError extends Error {
  problems: string[];
}
export declare function translateFunctionsMetadata(metadata: FunctionsMetadata, table: TranslationTable): FunctionsMetadata;
export declare function translateFunctionsJson(viJsonText: string, table: TranslationTable): string;
export declare function completeFunctionsMetadata(metadata: FunctionsMetadata, helpBase: string | null): FunctionsMetadata;
export declare class FunctionsI18nPlugin {
  constructor(options: { table: string; source?: string; output?: string; helpBase?: string | null });
  apply(compiler: unknown): void;
}
