/**
 * exceljs checks sheet names as if a user typed them, also while loading a file: a name with "[" or "]", one that
 * starts or ends with "'", or "History" makes the whole load fail (and a name over 31 characters prints a warning
 * on the console). Other spreadsheet programs write such names, and the workbook is readable: while a loaded
 * workbook's model is set, names are taken as the file gives them.
 */
import ExcelJS from "exceljs";

type Named = { _name?: string };

let worksheetPrototype: object | undefined;

function nameProperty(): { proto: object; descriptor: PropertyDescriptor } {
  worksheetPrototype ??= Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet("x")) as object;
  return { proto: worksheetPrototype, descriptor: Object.getOwnPropertyDescriptor(worksheetPrototype, "name")! };
}

function withNamesAsGiven<T>(fn: () => T): T {
  const { proto, descriptor } = nameProperty();
  Object.defineProperty(proto, "name", {
    ...descriptor,
    set(this: Named, name: unknown) {
      if (typeof name === "string" && name !== "") this._name = name;
      else descriptor.set!.call(this, name);
    },
  });
  try {
    return fn();
  } finally {
    Object.defineProperty(proto, "name", descriptor);
  }
}

/** workbook.xlsx.load, keeping every sheet name the file has. */
export async function loadKeepingSheetNames(workbook: ExcelJS.Workbook, buf: Buffer): Promise<void> {
  const model = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(workbook), "model")!;
  Object.defineProperty(workbook, "model", {
    configurable: true,
    get: model.get,
    set(value: unknown) {
      withNamesAsGiven(() => model.set!.call(this, value));
    },
  });
  try {
    // exceljs's typings want its own Buffer type; a Node Buffer is what it takes at run time.
    await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } finally {
    delete (workbook as unknown as { model?: unknown }).model;
  }
}
