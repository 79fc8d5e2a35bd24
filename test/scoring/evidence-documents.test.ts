/**
 * The core of issue 19: Nghị định 30 parts read from a document's text and from a citation, appendix sheets, links
 * behind evidence cells, and words that mean "no document".
 */
import {
  dangerousLink,
  dateSerial,
  findCitation,
  evidenceDocuments,
  hyperlinkFormulaTarget,
  isAppendixPointer,
  isAppendixSheet,
  isLocalFileLink,
  isNoEvidence,
  parseCitation,
  parseDocument,
  readAppendix,
} from "../../src/scoring";

const LETTER = [
  "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "XÃ TÂN THÀNH Độc lập - Tự do - Hạnh phúc",
  "Số: 45/UBND-VP Tân Thành, ngày 20 tháng 3 năm 2018",
  "V/v triển khai công tác cải cách hành chính",
  "Căn cứ Kế hoạch số 12/KH-UBND ngày 02/01/2018 của UBND huyện;",
].join("\n");

describe("parseDocument", () => {
  test("a letter whose letterhead and motto came out on the same lines (PDF text of a two-column table)", () => {
    const p = parseDocument(LETTER);
    expect(p.number).toBe("45/UBND-VP");
    expect(p.date).toBe(dateSerial(2018, 3, 20));
    expect(p.place).toBe("Tân Thành");
    expect(p.dateText).toBe("Tân Thành, ngày 20 tháng 3 năm 2018");
    expect(p.kind).toBe("cong van");
    expect(p.subject).toBe("triển khai công tác cải cách hành chính");
    expect(p.issuer).toBe("ỦY BAN NHÂN DÂN XÃ TÂN THÀNH");
  });

  test("a plan: the heading gives the kind and the subject; a number cited in the body is not its own", () => {
    const p = parseDocument(["UBND HUYỆN ĐIỆN BIÊN", "ỦY BAN NHÂN DÂN XÃ TÂN THÀNH", "Căn cứ Quyết định số 9/QĐ-UBND ngày 01/01/2017", "Số: 15 / KH - UBND", "Tân Thành, ngày 10 tháng 12 năm 2017", "KẾ HOẠCH", "Cải cách hành chính năm 2018"].join("\n"));
    expect(p.number).toBe("15/KH-UBND");
    expect(p.kind).toBe("ke hoach");
    expect(p.subject).toBe("Cải cách hành chính năm 2018");
    expect(p.date).toBe(dateSerial(2017, 12, 10));
  });

  test("OCR's 'S6:' for 'Số:' still gives the number", () => {
    expect(parseDocument("UBND XÃ A\nS6: 7/TB-UBND\nA, ngày 2 tháng 2 năm 2018\nTHÔNG BÁO").number).toBe("7/TB-UBND");
  });
});

describe("parseCitation and findCitation", () => {
  const docs = evidenceDocuments([
    { name: "x.pdf", text: LETTER, source: "pdf" },
    { name: "y.pdf", text: "UBND XÃ B\nSố: 45/UBND-TP\nB, ngày 20 tháng 3 năm 2018\nV/v khác", source: "pdf" },
    { name: "scan.pdf", text: null, source: null, problem: "scan" },
  ]);

  test("a citation is read like a document", () => {
    const c = parseCitation("Công văn số 45/UBND-VP ngày 20/3/2018 của UBND xã Tân Thành về việc triển khai");
    expect(c).toMatchObject({ number: "45/UBND-VP", kind: "cong van", date: dateSerial(2018, 3, 20), issuer: "UBND xã Tân Thành" });
    expect(parseCitation("KH số 15/KH-UBND ngày 10/12/2017").kind).toBe("ke hoach");
  });

  test("found by number and date; another date is a mismatch; the number from another issuer is a mismatch", () => {
    expect(findCitation(parseCitation("Công văn số 45/UBND-VP ngày 20/3/2018"), docs)).toMatchObject({ status: "found", document: { name: "x.pdf" } });
    expect(findCitation(parseCitation("Công văn số 45/UBND-VP ngày 21/3/2018"), docs)).toMatchObject({ status: "mismatch", reason: "date" });
    expect(findCitation(parseCitation("Công văn số 45/UBND-NV ngày 20/3/2018"), docs)).toMatchObject({ status: "mismatch", reason: "issuer" });
  });

  test("nothing like it among the readable files but a scan: it may be the scan", () => {
    expect(findCitation(parseCitation("Quyết định số 3/QĐ-UBND ngày 01/02/2018"), docs).status).toBe("unreadable");
  });
});

describe("appendix sheets", () => {
  const grid = {
    name: "Phụ lục",
    values: [
      ["DANH MỤC TÀI LIỆU KIỂM CHỨNG"],
      ["STT", "Mã tiêu chí", "Tài liệu kiểm chứng"],
      [1, "1.1", "Kế hoạch số 1/KH-UBND ngày 02/01/2018"],
      [null, null, "Báo cáo số 2/BC-UBND ngày 02/06/2018"],
      [2, "Tiêu chí 1.2", "Báo cáo số 3/BC-UBND ngày 02/07/2018"],
      [3, "1.3", null],
    ],
  };

  test("documents per code; a row without a code continues the one above; a code without a document is empty", () => {
    expect(isAppendixSheet(grid)).toBe(true);
    const a = readAppendix(grid);
    expect(a.documents.get("1.1")?.map((d) => d.cell)).toEqual(["C3", "C4"]);
    expect(a.documents.get("1.2")?.[0].text).toContain("3/BC-UBND");
    expect(a.documents.has("1.3")).toBe(false);
    expect([...a.empty]).toEqual(["1.3"]);
  });

  test("a unit sheet with score columns is not an appendix", () => {
    expect(isAppendixSheet({ name: "Tự chấm", values: [["Mã", "Tiêu chí", "Điểm tự chấm", "TLKC"], ["1.1", "A", 1, "KH số 1/KH-UBND"]] })).toBe(false);
    // The score header on the header's second row, under a group title.
    const twoRows = { name: "Phụ lục 2 - Sở Y tế", values: [["Mã", "Tiêu chí", "TLKC", "Tự đánh giá"], [null, null, null, "Điểm tự chấm"], ["1.1", "A", "KH số 1/KH-UBND", 1]] };
    expect(isAppendixSheet(twoRows)).toBe(false);
  });

  test.each(["Xem phụ lục", "Kèm theo", "Theo danh mục", "(Xem Phụ lục 1)", "Chi tiết tại trang Phụ lục"])("%s points at an appendix", (text) => {
    expect(isAppendixPointer(text)).toBe(true);
  });
  test("a document is not a pointer", () => expect(isAppendixPointer("Kế hoạch số 1/KH-UBND ngày 02/01/2018")).toBe(false));
});

describe("links and words meaning none", () => {
  test.each(["javascript:alert(1)", " JavaScript:void(0)", "vbscript:x", "data:text/html,x", "file:///C:/a.pdf", "\\\\may-chu\\chia-se\\a.pdf", "//may-chu/a.pdf"])("%s is dangerous", (t) => {
    expect(dangerousLink(t)).not.toBeNull();
  });
  test("safe targets", () => {
    for (const t of ["https://a.gov.vn/x.pdf", "tai-lieu/kh.pdf", "#'Phụ lục'!A1", "mailto:a@b.vn"]) expect(dangerousLink(t)).toBeNull();
    expect(isLocalFileLink("tai-lieu/kh.pdf")).toBe(true);
    expect(isLocalFileLink("https://a.gov.vn/x.pdf")).toBe(false);
    expect(isLocalFileLink("#'Phụ lục'!A1")).toBe(false);
  });
  test("=HYPERLINK() targets", () => {
    expect(hyperlinkFormulaTarget('=HYPERLINK("javascript:alert(""x"")","Kèm theo")')).toBe('javascript:alert("x")');
    expect(hyperlinkFormulaTarget("=SUM(A1:A2)")).toBeNull();
  });
  test.each(["Không có", "Chưa có", "Chưa", "-", "0", "…", "...", "không có."])("%s means no document", (t) => expect(isNoEvidence(t)).toBe(true));
  test("a document does not", () => expect(isNoEvidence("Không có văn bản số 1/KH")).toBe(false));
});
