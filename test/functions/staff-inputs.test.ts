/**
 * Issue 24: the PAR.* functions called as Excel calls them (2-D arrays of numbers, strings, booleans, blanks, Excel
 * error values) with what staff really type: values on another scale than the rule, decomposed Unicode, whole
 * columns, error cells, dates with a time part.
 */
import { resetActiveCatalog } from "../../src/functions/active-catalog";
import { CellError } from "../../src/functions/broadcast";
import * as PAR from "../../src/functions/functions";

const col = (...values: unknown[]) => values.map((v) => [v]);
const nfd = (s: string) => s.normalize("NFD");

function errorOf(cell: unknown): CellError {
  expect(cell).toBeInstanceOf(CellError);
  return cell as CellError;
}

function thrown(fn: () => unknown): CellError {
  try {
    fn();
  } catch (e) {
    return errorOf(e);
  }
  throw new Error("expected an Excel error");
}

/** An error cell as Excel passes it to a function (a data-type value, metadata allowErrorForDataTypeAny). */
const excelError = (code: string) => ({ type: "Error", basicValue: code, errorType: "Div0" });

beforeEach(() => resetActiveCatalog());

describe("1. a value on another scale than the rule is an error that says what to type", () => {
  it("100 for 100 % against 1.1.2 (100%: 1), 25 against 1.3.1 (>30%), 85 against worded percent bands", () => {
    const out = PAR.score(col(100, 25, 1, 0.31, "25%"), col("1.1.2", "1.3.1", "1.1.2", "1.3.1", "1.3.1"));
    expect(errorOf(out[0][0]).message).toBe(
      'Quy tắc tính theo tỷ lệ phần trăm: gõ 100% hoặc 1,00. Giá trị "100" là số thường, không phải tỷ lệ (100 nghĩa là 10.000,00%)',
    );
    expect(errorOf(out[1][0]).message).toMatch(/^Quy tắc tính theo tỷ lệ phần trăm: gõ 25% hoặc 0,25\./);
    expect(out.slice(2).map((r) => r[0])).toEqual([1, 1, 0]);
    const worded = "trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0";
    const [[e85], [ok]] = PAR.score(col(85, 0.85), [[worded]]);
    expect(errorOf(e85).message).toMatch(/gõ 85% hoặc 0,85/);
    expect(ok).toBe(1);
  });

  it("a small number against date bands, a fraction against count bands of 2 or more", () => {
    const [[date], [real]] = PAR.score(col(1, 43480), [["<=15/01/2019: 1; *: 0"]]);
    expect(errorOf(date).message).toBe('Quy tắc tính theo ngày nhưng giá trị "1" không phải là ngày. Gõ ngày dd/mm/yyyy, ví dụ 15/01/2019');
    expect(real).toBe(1);
    const [[fraction], [count]] = PAR.score(col(0.95, 95), [[">=80: 1; *: 0"]]);
    expect(errorOf(fraction).message).toMatch(/^Quy tắc tính theo số lượng \(các mức từ 80,00 trở lên\) nhưng giá trị "0,95"/);
    expect(count).toBe(1);
  });

  it("speaks English in English Excel, with a decimal point", () => {
    const office = { context: { displayLanguage: "en-US" } };
    (globalThis as { Office?: unknown }).Office = office;
    try {
      const [[e]] = PAR.score([[85]], [[">=80%: 1; *: 0"]]);
      expect(errorOf(e).message).toBe(
        'The rule is on a percentage scale: type 85% or 0.85. The value "85" is a plain number, not a percentage (85 means 8,500.00%)',
      );
      expect(PAR.explain([[0.85]], [[">=80%: 1; *: 0"]])[0][0]).toBe("Value 85.00% matches band 1 (>=80%: 1) → 1.00 points (the rule is on a percentage scale)");
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });

  it("PAR.EXPLAIN says which scale it used", () => {
    const out = PAR.explain(col(0.85, 20, 43480, true), col(">=80%: 1", ">=20: 1", "<=15/01/2019: 1", "có: 1; không: 0"));
    expect(out.map((r) => r[0])).toEqual([
      "Giá trị 85,00% khớp mức 1 (>=80%: 1) → 1,00 điểm (quy tắc tính theo tỷ lệ phần trăm)",
      "Giá trị 20,00 khớp mức 1 (>=20: 1) → 1,00 điểm (quy tắc tính theo số lượng)",
      "Giá trị 15/01/2019 khớp mức 1 (<=15/01/2019: 1) → 1,00 điểm (quy tắc tính theo ngày, so theo ngày)",
      "Giá trị có khớp mức 1 (có: 1) → 1,00 điểm (quy tắc tính theo có/không)",
    ]);
  });
});

describe("2. PAR.CALCULATEINDEX (PAR.INDEX) trusts nothing", () => {
  it("a score needs its maximum: scores [1; 1] with maxima [1; blank] is an error, not 200", () => {
    const e = thrown(() => PAR.calculateIndex(col(1, 1), col(1, null)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      "Ô thứ 2 của vùng điểm có 1,00 điểm nhưng ô tương ứng của vùng điểm tối đa trống. Nhập điểm tối đa cho mọi ô có điểm (ví dụ bằng PAR.GETMAXPOINTS)",
    );
  });

  it("a score above its maximum counts as the maximum and is noted beside the index (5 of 1 is 100, not 500)", () => {
    expect(PAR.calculateIndex(col(5), col(1))).toEqual([[100, "Điểm vượt điểm tối đa, đã tính bằng điểm tối đa: ô thứ 1 (5,00 > 1,00). Sửa lại điểm"]]);
    expect(PAR.index(col(5, 0), col(1, 1))[0][0]).toBe(50);
  });

  it('"50%", a date, TRUE are not points: errors naming the cell and what it holds', () => {
    expect(thrown(() => PAR.calculateIndex(col("50%"), col(1))).message).toMatch(/^Ô thứ 1 của vùng điểm là 50%, không phải số điểm/);
    expect(thrown(() => PAR.calculateIndex(col(0.5, "15/01/2019"), col(1, 1))).message).toMatch(/^Ô thứ 2 của vùng điểm là 15\/01\/2019/);
    expect(thrown(() => PAR.calculateIndex(col(true), col(1))).message).toMatch(/^Ô thứ 1 của vùng điểm là TRUE, không phải số điểm/);
    // A date cell reaches the function as its serial number: far above any maximum, so capped and noted.
    expect(PAR.calculateIndex(col(43480), col(1))[0]).toEqual([100, expect.stringContaining("43.480,00 > 1,00")]);
  });

  it("a range holding a criterion and its own children is an error naming them", () => {
    const e = thrown(() => PAR.calculateIndex(col(2, 1, 1), col(2, 1, 1), col("1.3", "1.3.1", "1.3.2")));
    expect(e.message).toBe(
      "Vùng có cả tiêu chí 1.3 và tiêu chí con 1.3.1 của nó: điểm bị tính hai lần. Chỉ chọn các dòng tiêu chí không có tiêu chí con (hoặc chỉ các dòng lĩnh vực)",
    );
    expect(PAR.calculateIndex(col(1, 0.5), col(1, 1), col("1.3.1", "1.3.2"))).toEqual([[75]]);
  });
});

describe("3. decomposed Unicode (Unikey's Unicode tổ hợp, text pasted from a PDF) reads as the precomposed", () => {
  it("rules, outcomes and values in NFD score as in NFC", () => {
    expect(PAR.score(col(0.95, 0.8), [[nfd("trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0")]])).toEqual(col(2, 1));
    expect(PAR.score([[nfd("Hoàn thành")]], [[nfd('"Hoàn thành": 75% điểm tối đa; *: 0')]], [[2]])).toEqual([[1.5]]);
    expect(PAR.score([[nfd("Không áp dụng")]], [["100%: 1"]])).toEqual([["Không áp dụng"]]);
  });

  it("PAR.CHOICES returns precomposed labels", () => {
    const labels = PAR.choices([[nfd('"Ban hành kịp thời": 1; "Không ban hành": 0')]]).map((r) => r[0] as string);
    expect(labels).toEqual(["Ban hành kịp thời", "Không ban hành", "Không áp dụng"]);
    for (const l of labels) expect(l).toBe(l.normalize("NFC"));
  });
});

describe("4. blank in, blank out; whole columns; a result column can be summed", () => {
  it("a blank value gives a blank cell even with a criterion that has no rule, or a blank row", () => {
    expect(PAR.score(col(null, "", null, 1), col("1.1.1", "1.1.1", null, "1.1.2"))).toEqual(col("", "", "", 1));
    expect(PAR.explain(col(null), col(null))).toEqual(col("Ô kết quả trống: chưa chấm điểm"));
  });

  it("a whole-column reference (D:D, 1,048,576 rows) gives only the rows in use, and they sum", () => {
    const rows = 1_048_576;
    const values: unknown[][] = Array.from({ length: rows }, () => [null]);
    const rules: unknown[][] = Array.from({ length: rows }, () => [null]);
    values[1] = [0.31];
    rules[1] = ["1.3.1"];
    values[3] = ["Không áp dụng"];
    rules[3] = ["1.1.2"];
    values[4] = [1];
    rules[4] = ["1.1.2"];
    const out = PAR.score(values, rules);
    expect(out).toEqual(col("", 1, "", "Không áp dụng", 1));
    const sum = out.flat().reduce((a: number, v) => a + (typeof v === "number" ? v : 0), 0);
    expect(sum).toBe(2);
    expect(out.flat().some((v) => v instanceof CellError)).toBe(false);
    expect(PAR.getMaxPoints(Array.from({ length: 1000 }, (_, i) => [i === 0 ? "1.2" : null]))).toEqual([[expect.any(Number)]]);
  });
});

describe("5. PAR.EXPLAIN takes PAR.SCORE's max and explains the same score", () => {
  it("SCORE(0,9; \">=80%: 2\"; 1) is 1 and EXPLAIN says so", () => {
    expect(PAR.score([[0.9]], [[">=80%: 2"]], [[1]])).toEqual([[1]]);
    expect(PAR.explain([[0.9]], [[">=80%: 2"]], [[1]])).toEqual([
      ["Giá trị 90,00% khớp mức 1 (>=80%: 2) → 2,00 điểm; giới hạn ở điểm tối đa 1,00 (quy tắc tính theo tỷ lệ phần trăm)"],
    ]);
    expect(errorOf(PAR.explain([[0.9]], [["*: 75% điểm tối đa"]])[0][0]).message).toMatch(/tham số thứ ba, điểm_tối_đa/);
    expect(PAR.explain([[0.9]], [["*: 75% điểm tối đa"]], [[2]])[0][0]).toMatch(/→ 1,50 điểm/);
  });
});

describe("6. Excel errors in input cells pass through, as Excel's own functions do", () => {
  it("#DIV/0! and #N/A stay themselves, per cell; the other cells are scored", () => {
    const out = PAR.score(col(excelError("#DIV/0!"), 1, excelError("#N/A")), [["100%: 1"]]);
    expect(errorOf(out[0][0]).code).toBe("#DIV/0!");
    expect(out[1][0]).toBe(1);
    expect(errorOf(out[2][0]).code).toBe("#N/A");
    expect(errorOf(PAR.score([[0.9]], [[{ code: "#NUM!" }]])[0][0]).code).toBe("#NUM!");
  });

  it("#REF!, which a function cannot return, is #VALUE! naming it; PAR.CALCULATEINDEX throws the error it meets", () => {
    const e = errorOf(PAR.score([[excelError("#REF!")]], [["100%: 1"]])[0][0]);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("Ô đầu vào có lỗi #REF!. Sửa ô đó trước (PAR.* không tính trên một ô lỗi)");
    expect(thrown(() => PAR.calculateIndex(col(1, excelError("#DIV/0!")), col(1, 1))).code).toBe("#DIV/0!");
    expect(thrown(() => PAR.choices([[excelError("#N/A")]])).code).toBe("#N/A");
  });
});

describe("8. messages in one language, in the user's words, with a fix", () => {
  it('"1,3,1" is a code written with commas, not a rule missing ":"', () => {
    expect(errorOf(PAR.score([[1]], [["1,3,1"]])[0][0]).message).toBe(
      `"1,3,1" giống mã tiêu chí viết bằng dấu phẩy. Mã tiêu chí viết bằng dấu chấm: 1.3.1 (gõ '1.3.1 để Excel giữ nguyên)`,
    );
  });

  it("an outcome the rule lacks lists its outcomes in the message's own language", () => {
    const rule = '"Đạt": 1; có: 0,5; >=2: 0,25';
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "en-GB" } };
    try {
      const en = errorOf(PAR.score([["Chưa đạt"]], [[rule]])[0][0]).message;
      expect(en).toBe('The value "Chưa đạt" is not an outcome of the rule. Pick one of: "Đạt", yes/no (có/không), figures (numbers, %, dates) (or "Không áp dụng")');
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
    const vi = errorOf(PAR.score([["Chưa đạt"]], [[rule]])[0][0]).message;
    expect(vi).toBe('Giá trị "Chưa đạt" không phải là một kết quả của quy tắc. Chọn một trong: "Đạt", có/không, số liệu (số, %, ngày) (hoặc "Không áp dụng")');
  });

  it("the catalogue is named by its title (and id); a max-less share says điểm tối đa in Vietnamese", () => {
    expect(errorOf(PAR.score([[1]], [["1.1.1"]])[0][0]).message).toMatch(
      /^Tiêu chí 1\.1\.1 chưa có quy tắc chấm điểm trong bộ tiêu chí "Chỉ số CCHC cấp tỉnh Điện Biên 2018 \(Kế hoạch 352\/KH-UBND\)" \(dien-bien-2018\)\./,
    );
    expect(errorOf(PAR.score([[1]], [["*: max"]])[0][0]).message).not.toMatch(/dùng max/);
  });
});

describe("9. small ones", () => {
  it("a date with a time part (43480,5) compares by its day", () => {
    expect(PAR.score(col(43480.5, 43480.99, 43481), [["<=15/01/2019: 1; *: 0"]])).toEqual(col(1, 1, 0));
    expect(PAR.explain([[43480.75]], [["<=15/01/2019: 1; *: 0"]])[0][0]).toMatch(/^Giá trị 15\/01\/2019 khớp mức 1/);
  });

  it('PAR.CHOICES ends with "Không áp dụng", which PAR.SCORE accepts', () => {
    const rule = '"Ban hành kịp thời": 1; "Không ban hành": 0';
    const choices = PAR.choices([[rule]]);
    expect(choices[choices.length - 1]).toEqual(["Không áp dụng"]);
    expect(PAR.score(choices, [[rule]])).toEqual([[1], [0], ["Không áp dụng"]]);
  });
});
