/**
 * The explanations on flagged cells, found by cell: notes (ExcelApi 1.18) are looked up cell by cell
 * (NoteCollection.getItemOrNullObject) for exactly the cells concerned; comments (ExcelApi 1.10) have no such
 * lookup, so the sheet's comments are loaded and then located.
 */
import { ACTION_BYTES, utf8Bytes } from "./payload";
import { Step } from "./steps";

export interface Annotation {
  content: string;
  proxy: Excel.Note | Excel.Comment;
}

/** Cells per lookup step. */
const PER_STEP = 400;
/** A note's content in a response, by guess (the add-in's own are 150–400 bytes). */
const NOTE_BYTES = 300;

/** The A1 cell of an address Office returns ("'Tự chấm'!E8" → "E8"). */
export function cellOfAddress(address: string): string {
  const cell = address.slice(address.lastIndexOf("!") + 1).split(":")[0];
  return cell.replace(/\$/g, "").toUpperCase();
}

/** The notes of the cells asked for; `found` holds those that exist after the steps ran. */
export class NotesByCell {
  readonly found = new Map<string, Annotation>();

  constructor(private readonly sheet: () => Excel.Worksheet) {}

  steps(cells: string[]): Step[] {
    const steps: Step[] = [];
    for (let i = 0; i < cells.length; i += PER_STEP) {
      const part = cells.slice(i, i + PER_STEP);
      let notes: Excel.Note[] = [];
      steps.push({
        request: part.length * (2 * ACTION_BYTES + 8),
        response: part.length * NOTE_BYTES,
        queue: () => {
          const collection = this.sheet().notes;
          notes = part.map((cell) => collection.getItemOrNullObject(cell).load("content"));
        },
        done: () => part.forEach((cell, j) => !notes[j].isNullObject && this.found.set(cell, { content: notes[j].content ?? "", proxy: notes[j] })),
      });
    }
    return steps;
  }
}

/** The sheet's comments: loaded by one step, then located by more (after the first has run). */
export class CommentsByCell {
  readonly found = new Map<string, Annotation>();
  private comments: Excel.CommentCollection | null = null;

  constructor(private readonly sheet: () => Excel.Worksheet) {}

  loadStep(): Step {
    return {
      request: 2 * ACTION_BYTES,
      response: 100_000,
      queue: () => {
        this.comments = this.sheet().comments.load("items/content");
      },
    };
  }

  /** After loadStep: where each comment is. */
  locateSteps(): Step[] {
    const items = this.comments?.items ?? [];
    const steps: Step[] = [];
    for (let i = 0; i < items.length; i += PER_STEP) {
      const part = items.slice(i, i + PER_STEP);
      let where: Excel.Range[] = [];
      steps.push({
        request: part.length * 2 * ACTION_BYTES,
        response: part.length * 60,
        queue: () => {
          where = part.map((comment) => comment.getLocation().load("address"));
        },
        done: () => part.forEach((comment, j) => this.found.set(cellOfAddress(where[j].address), { content: comment.content ?? "", proxy: comment })),
      });
    }
    return steps;
  }
}

/** Steps of actions per cell (adding or changing notes and comments), in chunks. */
export function perCellSteps<T>(items: T[], bytes: (item: T) => number, queue: (items: T[]) => void): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < items.length; i += PER_STEP) {
    const part = items.slice(i, i + PER_STEP);
    steps.push({ request: part.reduce((n, item) => n + bytes(item), 0), response: 0, queue: () => queue(part) });
  }
  return steps;
}

/** Bytes of a text argument in a request (JSON-quoted). */
export const textBytes = (text: string) => utf8Bytes(JSON.stringify(text));
