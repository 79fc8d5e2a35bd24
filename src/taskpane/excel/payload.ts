/**
 * Excel on the web refuses a request or a response larger than 5 MB (RequestPayloadSizeLimitExceeded,
 * ResponsePayloadSizeLimitExceeded); both travel as JSON. Every sync is planned by estimated bytes, on every host,
 * and what still turns out too large is split and sent again (steps.ts).
 */
import { officeErrorCode } from "./run";

/** "5 MB", taken at its strictest. */
export const PAYLOAD_LIMIT = 5_000_000;

/** What one sync may carry by estimate: about a sixth below the limit, for estimates that fall short. */
export const SYNC_BYTE_BUDGET = 4 * 1024 * 1024;

/**
 * A cell's values and formulas as JSON, before anything is known of the sheet. The samples measure 50–61 bytes a
 * cell (evidence and criterion names are long, Vietnamese letters take 2–3 bytes in UTF-8); short cells much less.
 */
export const BYTES_PER_CELL = 70;

/** The least a cell is estimated at however short the cells read so far ("" twice, with separators). */
export const MIN_BYTES_PER_CELL = 8;

/** Office.js's own JSON for one action or object path (ids, type, name, parent), besides its arguments. */
export const ACTION_BYTES = 120;

/**
 * Excel on the web also reports an oversized request as GeneralException (HTTP 500): that too is retried by halving.
 * A GeneralException with nothing left to halve still fails as it came.
 */
export const PAYLOAD_ERRORS = ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "GeneralException"];

export function isPayloadError(e: unknown): boolean {
  return PAYLOAD_ERRORS.includes(officeErrorCode(e) ?? "");
}

/** UTF-8 bytes of a string. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a value as JSON. */
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : utf8Bytes(JSON.stringify(value));
}
