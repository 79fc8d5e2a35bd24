/**
 * prepareUnit writes the unit's ledger when it is first read (issue 22: checking never reads it). What every reader
 * of the unit sees must be what the eager ledger was: the same entries, in spread copies and JSON, in its place
 * among the unit's properties; and it can still be assigned.
 */
import { a1, cellAddress, Grid, parseCatalog, prepareUnit, readUnitSheet } from "../../src/scoring";
import { frameEntries, ledgerOf } from "../../src/scoring/sheet/ledger-build";

const catalog = parseCatalog(
  {
    id: "thu",
    name: "Bộ thử",
    nodes: [
      { code: "1", name: "Chỉ đạo điều hành", children: [{ code: "1.1", name: "Kế hoạch", max: 1 }, { code: "1.2", name: "Báo cáo", max: 2 }] },
      { code: "2", name: "Thủ tục hành chính", children: [{ code: "2.1", name: "Công khai", max: 2 }] },
    ],
  },
  "thu.json",
);

const grid: Grid = {
  name: "Tự đánh giá",
  values: [
    ["BẢNG TỰ CHẤM ĐIỂM NĂM 2018"],
    ["Đơn vị: Sở Tư pháp"],
    ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng"],
    ["1", "Chỉ đạo điều hành", 3, 2.5, null],
    ["1.1", "Kế hoạch", 1, 1, "Kế hoạch số 12/KH-UBND ngày 2/1/2018"],
    ["1.2", "Báo cáo", 2, 1.5, null],
    ["1.9", "Mã không có trong bộ", 1, 1, null],
    ["Ghi chú: số liệu đến 31/12/2018"],
    ["2", "Thủ tục hành chính", 2, 2, null],
    ["2.1", "Công khai", 2, 2, null],
  ],
};

describe("prepareUnit's ledger", () => {
  const unit = readUnitSheet(grid, "u")!;

  it("is the ledger of the frame, the criterion rows and the other rows, in sheet order", () => {
    const prepared = prepareUnit(unit, catalog);
    const { ledger: _ledger, ...rest } = prepared;
    const expected = ledgerOf(frameEntries(unit), rest, catalog);
    expect(prepared.ledger).toEqual(expected);
    expect(prepared.ledger!.map((e) => e.row)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(prepared.ledger!.find((e) => e.row === 6)?.note?.key).toBe("ledger.note.unknownCode");
    // Read twice, the same entries (written once).
    expect(prepared.ledger).toBe(prepared.ledger);
  });

  it("is an ordinary property to spread copies, JSON and key order", () => {
    const prepared = prepareUnit(unit, catalog);
    const eager = { ...prepared, ledger: prepared.ledger };
    expect(Object.keys(prepared)).toEqual(Object.keys(eager));
    expect({ ...prepared }.ledger).toEqual(eager.ledger);
    expect(JSON.parse(JSON.stringify(prepared))).toEqual(JSON.parse(JSON.stringify(eager)));
    expect(structuredClone(prepared).ledger).toEqual(eager.ledger);
  });

  it("can be assigned", () => {
    const prepared = prepareUnit(unit, catalog);
    prepared.ledger = [];
    expect(prepared.ledger).toEqual([]);
  });
});

describe("cellAddress", () => {
  it("is a1's address, kept or not", () => {
    for (const [row, col] of [[0, 0], [4, 2], [9_999, 6], [19_999, 63], [20_000, 1], [3, 64], [1_048_575, 16_383]]) {
      expect(cellAddress(row, col)).toBe(a1(row, col));
      expect(cellAddress(row, col)).toBe(a1(row, col));
    }
  });
});
