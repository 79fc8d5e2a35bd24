/**
 * PAR.SCORE and PAR.INDEX as a HyperFormula function plugin calling the same core as the Excel functions,
 * for tests and benchmarks (bench/ may import createParHyperFormula). HyperFormula is GPLv3: devDependency
 * only, never imported from src/.
 *
 * Formulas use HyperFormula's defaults: "," separates arguments, "." is the decimal point. A rule with decimal
 * commas ("0,5") goes in a quoted string or a cell: =PAR.SCORE(A1, "100%: 1; 80%..<100%: 0,5; <80%: 0").
 */
import {
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  RawCellContent,
  SimpleRangeValue,
} from "hyperformula";
import type { ProcedureAst } from "hyperformula/typings/parser";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import { builtinCatalog, Catalog, CellValue, computeIndex, DEFAULT_CATALOG_ID, isParError, scoreCriterion, t } from "../../src/scoring";

/** The catalogue codes are looked up in (one per process, like the add-in's active catalogue). */
let catalog: Catalog = builtinCatalog(DEFAULT_CATALOG_ID);

/** A HyperFormula argument as a core cell value: empty cells are blank, rich numbers their raw value. */
function toCell(v: unknown): CellValue {
  if (v === EmptyValue || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: number }).val;
  return String(v);
}

function toHfError(e: unknown): CellError {
  if (isParError(e)) return new CellError(e.key === "catalog.unknownCode" ? ErrorType.NA : ErrorType.VALUE, e.message);
  throw e;
}

export class ParHyperFormulaPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    "PAR.SCORE": {
      method: "parScore",
      parameters: [
        { argumentType: FunctionArgumentType.SCALAR },
        { argumentType: FunctionArgumentType.SCALAR },
        { argumentType: FunctionArgumentType.SCALAR, optionalArg: true },
      ],
    },
    "PAR.INDEX": {
      method: "parIndex",
      parameters: [{ argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.RANGE }],
    },
  };

  parScore(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata("PAR.SCORE"), (value: unknown, rule: unknown, max: unknown) => {
      try {
        const result = scoreCriterion(toCell(value), toCell(rule), toCell(max), catalog);
        if (result.kind === "blank") return "";
        if (result.kind === "notApplicable") return t("na.label");
        return result.points;
      } catch (e) {
        return toHfError(e);
      }
    });
  }

  parIndex(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata("PAR.INDEX"), (scores: SimpleRangeValue, maxes: SimpleRangeValue) => {
      try {
        return computeIndex(scores.valuesFromTopLeftCorner().map(toCell), maxes.valuesFromTopLeftCorner().map(toCell)).index;
      } catch (e) {
        return toHfError(e);
      }
    });
  }
}

const translations = { enGB: { "PAR.SCORE": "PAR.SCORE", "PAR.INDEX": "PAR.INDEX" } };

let registered = false;

function register(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(ParHyperFormulaPlugin, translations);
  registered = true;
}

/** A headless HyperFormula (GPLv3 licence key) with PAR.SCORE / PAR.INDEX, built from one sheet of data. */
export function createParHyperFormula(sheet: RawCellContent[][], options: { catalog?: Catalog } = {}): HyperFormula {
  register();
  catalog = options.catalog ?? builtinCatalog(DEFAULT_CATALOG_ID);
  return HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3" });
}
