import fc from "fast-check";
import { EvidenceDoc, formatDate, matchesRequired, parseEvidence } from "../../src/scoring";
import { builtinCatalog, findNode } from "../../src/scoring/catalog";

const one = (text: string): EvidenceDoc => {
  const docs = parseEvidence(text);
  expect(docs).toHaveLength(1);
  return docs[0];
};
const dateOf = (d: EvidenceDoc) => (d.date === null ? null : formatDate(d.date));

describe("parseEvidence: splitting a cell into documents", () => {
  test("blank cells have no documents", () => {
    expect(parseEvidence(null)).toEqual([]);
    expect(parseEvidence(undefined)).toEqual([]);
    expect(parseEvidence("")).toEqual([]);
    expect(parseEvidence("  \n \n")).toEqual([]);
  });

  test("one document per line, with 1-based lines counting blank ones, list markers removed", () => {
    const docs = parseEvidence("- Kế hoạch số 3790/KH-UBND ngày 27/12/2017\n\n+ bao-cao-cchc-2018.pdf\r\n• https://dienbien.gov.vn/tin/1\n1. Biên bản kiểm tra\n2) Ghi chú");
    expect(docs.map((d) => [d.line, d.text, d.kind])).toEqual([
      [1, "Kế hoạch số 3790/KH-UBND ngày 27/12/2017", "reference"],
      [3, "bao-cao-cchc-2018.pdf", "file"],
      [4, "https://dienbien.gov.vn/tin/1", "link"],
      [5, "Biên bản kiểm tra", "text"],
      [6, "Ghi chú", "text"],
    ]);
  });

  test('a single line is split at ";" when every piece is a document', () => {
    const docs = parseEvidence("Kế hoạch số 12/KH-UBND ngày 02/01/2018; Báo cáo CCHC năm 2018; bao-cao.pdf;");
    expect(docs.map((d) => d.text)).toEqual(["Kế hoạch số 12/KH-UBND ngày 02/01/2018", "Báo cáo CCHC năm 2018", "bao-cao.pdf"]);
    expect(docs.every((d) => d.line === 1)).toBe(true);
  });

  test('";" is not a separator when a piece is not a document, or when the cell has line breaks', () => {
    expect(parseEvidence("Báo cáo đúng thời hạn; nội dung đầy đủ")).toHaveLength(1);
    const lines = parseEvidence("Kế hoạch CCHC; Báo cáo CCHC\nbao-cao.pdf");
    expect(lines.map((d) => d.text)).toEqual(["Kế hoạch CCHC; Báo cáo CCHC", "bao-cao.pdf"]);
  });

  test("a negative number is not mistaken for a list marker; numbers and dates in a cell become text", () => {
    expect(one("-5 điểm").text).toBe("-5 điểm");
    expect(parseEvidence(12)).toMatchObject([{ text: "12", kind: "text", date: null }]);
    const d = parseEvidence(new Date(2018, 11, 30));
    expect(d).toHaveLength(1);
    expect(d[0].text).toBe("30/12/2018");
    expect(dateOf(d[0])).toBe("30/12/2018");
  });
});

describe("parseEvidence: references", () => {
  test.each<[string, string | null]>([
    ["Kế hoạch số 3790/KH-UBND ngày 27/12/2017", "27/12/2017"],
    ["Kế hoạch số 352 /KH-UBND ngày 15/5/2018", "15/05/2018"],
    ["Quyết định số 1234/QĐ-UBND ngày 15 tháng 5 năm 2018 của UBND tỉnh", "15/05/2018"],
    ["Báo cáo số 300/BC-UBND, 10/12/2018", "10/12/2018"],
    ["Công văn số 45/SNV-CCHC ngày 01-02-2018", "01/02/2018"],
    ["Thông báo kết luận số 12/TB-UBND ngày 3/4/2018", "03/04/2018"],
    ["Tờ trình số 7/TTr-SNV ngày 31.12.2018", "31/12/2018"],
    ["Biên bản số 01/BB-ĐKT ngày 20/9/18", "20/09/2018"],
    ["Chỉ thị số 05/CT-UBND", null],
    ["Nghị quyết số: 15/NQ-HĐND ngày 8/12/2017", "08/12/2017"],
    ["Hướng dẫn số 02/HD-SNV ngày 10/01/2018", "10/01/2018"],
    ["Giấy mời số 99/GM-SNV ngày 05/06/2018", "05/06/2018"],
    ["Văn bản số 1500/UBND-NC ngày 20/6/2018", "20/06/2018"],
    ["KH số 15/KH-UBND ngày 20/3/2018", "20/03/2018"],
    ["Các Quyết định số 10/QĐ-UBND ngày 1/2/2018", "01/02/2018"],
    ["Báo cáo của Sở Nội vụ số 88/BC-SNV ngày 9/10/2018", "09/10/2018"],
  ])("%s", (text, date) => {
    const d = one(text);
    expect(d.kind).toBe("reference");
    expect(d.problem).toBeNull();
    expect(dateOf(d)).toBe(date);
  });

  test.each([
    "Kế hoạch số ngày 27/12/2017",
    "Quyết định số 12/QĐ-UBND ngày 32/13/2018",
    "Quyết định số 12/QĐ-UBND ngày 29/02/2018",
    "Kế hoạch số /KH-UBND ngày 27/12/2017",
    "Báo cáo số    /BC-UBND ngày   /12/2018",
    "Công văn số ...",
    "Kế hoạch số",
    "Quyết định số 12/QĐ-UBND ngày",
    "Báo cáo số 12/BC-UBND ngày 1/1/1800",
  ])("malformed reference: %s", (text) => {
    const d = one(text);
    expect(d.kind).toBe("reference");
    expect(d.problem).toBe("reference-malformed");
    expect(d.date).toBeNull();
  });

  test("a year after “năm” before “số” is still a reference, and its mistakes are found", () => {
    const ok = one("Kế hoạch CCHC năm 2018 số 12/KH-UBND ngày 27/12/2017");
    expect(ok).toMatchObject({ kind: "reference", problem: null });
    expect(dateOf(ok)).toBe("27/12/2017");
    expect(one("Báo cáo năm 2018 số 45/BC-UBND")).toMatchObject({ kind: "reference", problem: null, date: null });
    // An impossible date, a missing number: said, not passed over as text.
    for (const text of ["Kế hoạch CCHC năm 2018 số 12/KH-UBND ngày 32/13/2017", "Kế hoạch CCHC năm 2018 số ngày 27/12/2017"]) {
      expect(one(text)).toMatchObject({ kind: "reference", problem: "reference-malformed", date: null });
    }
    // Other words with digits, and a year not after "năm" or not a word of its own, are not allowed before "số".
    expect(one("Báo cáo 6 tháng số 12/BC-UBND").kind).toBe("text");
    expect(one("Kế hoạch 2018 số 12/KH-UBND").kind).toBe("text");
    expect(one("Kế hoạch năm 2018: số 12/KH-UBND").kind).toBe("text");
    expect(one("Kế hoạch năm 2018 2019 số 12/KH-UBND").kind).toBe("text");
  });

  test('"số" as part of a word does not make a reference', () => {
    expect(one("Báo cáo số lượng cán bộ, công chức").kind).toBe("text");
    expect(one("Báo cáo Sở Nội vụ").kind).toBe("text");
    expect(one("Báo cáo kết quả thực hiện Quyết định 45/2016/QĐ-TTg").kind).toBe("text");
  });

  test("free text keeps a date it states after “ngày”", () => {
    const d = one("Báo cáo CCHC ngày 10/12/2018");
    expect(d).toMatchObject({ kind: "text", problem: null });
    expect(dateOf(d)).toBe("10/12/2018");
    expect(one("Báo cáo CCHC ngày 40/12/2018").date).toBeNull();
    expect(one("Kế hoạch CCHC năm").date).toBeNull();
  });
});

describe("parseEvidence: files and links", () => {
  test.each(["bao-cao-cchc-2018.pdf", "Ke hoach CCHC 2018.DOCX", "bieu-mau.xls", "anh chup.jpg", "ho-so.zip", "tlkc.rar", "so-lieu.xlsx", "scan.png"])(
    "file: %s",
    (text) => {
      expect(one(text)).toMatchObject({ kind: "file", problem: null, date: null });
    },
  );

  test.each(["https://dienbien.gov.vn/tin-tuc/cchc", "http://sonoivu.dienbien.gov.vn/a?id=1", "Bài viết tại https://dienbien.gov.vn/a"])("http link: %s", (text) => {
    expect(one(text)).toMatchObject({ kind: "link", problem: null });
  });

  test("a reference with its link is a link that keeps the reference's date", () => {
    const d = one("Kế hoạch số 12/KH-UBND ngày 2/1/2018 https://dienbien.gov.vn/kh-12.pdf");
    expect(d).toMatchObject({ kind: "link", problem: null });
    expect(dateOf(d)).toBe("02/01/2018");
  });

  test.each([
    "ftp://files.dienbien.gov.vn/tlkc.pdf",
    "file:///C:/TLKC/bao-cao.pdf",
    "www.dienbien.gov.vn/tin-tuc",
    "dienbien.gov.vn/tin-tuc/cchc",
    "Đăng tại www.sonoivu.dienbien.gov.vn",
    "C:\\TLKC\\2018\\bao-cao.pdf",
    "D:/Tai lieu/ke-hoach.docx",
    "\\\\may-chu\\chia-se\\bao-cao.pdf",
    "smb://may-chu/chia-se",
    "http://",
  ])("link that reviewers cannot open: %s", (text) => {
    expect(one(text)).toMatchObject({ kind: "link", problem: "link-not-http" });
  });

  test("plain text that merely contains a colon or a dot is not a link", () => {
    expect(one("Ghi chú: xem kế hoạch")).toMatchObject({ kind: "text", problem: null });
    expect(one("Đạt 0.5 điểm.")).toMatchObject({ kind: "text", problem: null });
  });
});

describe("parseEvidence never throws", () => {
  test("on any string", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (s) => {
        const docs = parseEvidence(s);
        for (const d of docs) {
          expect(d.text.trim()).toBe(d.text);
          expect(d.text).not.toBe("");
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.date === null || Number.isInteger(d.date)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("matchesRequired on the built-in catalogue's required documents", () => {
  const catalog = builtinCatalog("dien-bien-2018");
  const required = (code: string, i: number) => findNode(catalog, code)!.evidence[i].name;

  test("the names used below are the catalogue's", () => {
    expect(required("1.1.1", 0)).toBe("Kế hoạch CCHC năm");
    expect(required("1.3.1", 0)).toBe("Kế hoạch kiểm tra CCHC");
    expect(required("1.3.1", 1)).toBe("Các thông báo kết luận kiểm tra");
    expect(required("1.1.2", 1)).toBe("Báo cáo CCHC năm");
  });

  test.each<[string, string, boolean]>([
    ["Kế hoạch CCHC năm", "Kế hoạch số 3790/KH-UBND ngày 27/12/2017 về cải cách hành chính năm 2018", true],
    ["Kế hoạch CCHC năm", "Kế hoạch CCHC năm 2018", true],
    ["Kế hoạch CCHC năm", "ke hoach cchc 2018", true],
    ["Kế hoạch CCHC năm", "Số 3790/KH-UBND ngày 27/12/2017 về CCHC", true],
    ["Kế hoạch CCHC năm", "Báo cáo CCHC năm 2018", false],
    ["Kế hoạch CCHC năm", "Kế hoạch tuyên truyền pháp luật", false],
    ["Kế hoạch kiểm tra CCHC", "Kế hoạch số 15/KH-UBND ngày 20/3/2018 kiểm tra công tác cải cách hành chính", true],
    ["Kế hoạch kiểm tra CCHC", "Kế hoạch CCHC năm 2018", false],
    ["Báo cáo CCHC năm", "Báo cáo số 300/BC-UBND ngày 10/12/2018 kết quả CCHC năm 2018", true],
    ["Báo cáo CCHC năm", "Báo cáo công tác kiểm soát TTHC năm 2018", false],
    ["Các thông báo kết luận kiểm tra", "Thông báo kết luận số 45/TB-UBND ngày 1/8/2018 kiểm tra CCHC tại Sở Y tế", true],
    ["Các thông báo kết luận kiểm tra", "Thông báo số 12/TB-SNV kết luận kiểm tra", true],
    ["Các thông báo kết luận kiểm tra", "Thông báo tuyển dụng công chức", false],
    ["Các thông báo kết luận kiểm tra/ Biên bản kiểm tra, báo cáo kết quả kiểm tra", "Biên bản kiểm tra ngày 3/5/2018; báo cáo kết quả kiểm tra", true],
    ["Các thông báo kết luận kiểm tra/ Biên bản kiểm tra, báo cáo kết quả kiểm tra", "Thông báo kết luận kiểm tra số 7", true],
    ["Các thông báo kết luận kiểm tra/ Biên bản kiểm tra, báo cáo kết quả kiểm tra", "Biên bản số 3/BB-SNV ngày 3/5/2018 kiểm tra Sở Y tế", true],
    ["Các thông báo kết luận kiểm tra/ Biên bản kiểm tra, báo cáo kết quả kiểm tra", "Báo cáo kết quả kiểm tra CCHC", true],
    ["Các thông báo kết luận kiểm tra/ Biên bản kiểm tra, báo cáo kết quả kiểm tra", "Biên bản họp Hội đồng", false],
    ["Báo cáo CCHC năm của tỉnh hoặc báo cáo thống kê về số lượng cấp phó", "Báo cáo thống kê số lượng cấp phó các sở", true],
    ["Báo cáo CCHC năm của tỉnh hoặc báo cáo thống kê về số lượng cấp phó", "Báo cáo số 1/BC-UBND về cải cách hành chính năm 2018", true],
    ["Báo cáo CCHC năm của tỉnh hoặc báo cáo thống kê về số lượng cấp phó", "Báo cáo tài chính năm 2018", false],
    ["Báo cáo kết quả UDCNTT của tỉnh", "Báo cáo kết quả ứng dụng công nghệ thông tin năm 2018", true],
    ["Quyết định công bố VBQPPL hết hiệu lực năm 2018.", "Quyết định số 5/QĐ-UBND công bố văn bản quy phạm pháp luật hết hiệu lực", true],
    ["Các quyết định bổ nhiệm", "QĐ số 20/QĐ-UBND bổ nhiệm Phó Giám đốc Sở", true],
    ["Các quyết định bổ nhiệm", "Quyết định nâng lương", false],
    ["Các văn bản công nhận sáng kiến của cơ quan có thẩm quyền (nếu có)", "Văn bản số 9/UBND công nhận sáng kiến cấp cơ sở của cơ quan có thẩm quyền", true],
  ])("%s ← %s: %s", (req, docText, expected) => {
    expect(matchesRequired(parseEvidence(docText), req)).toBe(expected);
  });

  test("any one of several documents may satisfy the requirement", () => {
    const docs = parseEvidence("Kế hoạch CCHC năm 2018\nBáo cáo CCHC năm 2018");
    expect(matchesRequired(docs, "Kế hoạch CCHC năm")).toBe(true);
    expect(matchesRequired(docs, "Báo cáo CCHC năm")).toBe(true);
    expect(matchesRequired(docs, "Kế hoạch kiểm tra CCHC")).toBe(false);
  });

  test("the words must be in one document, not spread over several", () => {
    expect(matchesRequired(parseEvidence("Kế hoạch tuyên truyền\nKiểm tra CCHC"), "Kế hoạch kiểm tra CCHC")).toBe(false);
  });

  test("no documents match nothing; a blank requirement is met by any document", () => {
    expect(matchesRequired([], "Kế hoạch CCHC năm")).toBe(false);
    expect(matchesRequired(parseEvidence("x.pdf"), "  ")).toBe(true);
    expect(matchesRequired([], "")).toBe(false);
  });

  test("every required name of the catalogue is matched by a document with that very name", () => {
    const c = builtinCatalog("dien-bien-2018");
    const names = new Set<string>();
    const visit = (nodes: typeof c.nodes) => nodes.forEach((n) => (n.evidence.forEach((e) => names.add(e.name)), visit(n.children)));
    visit(c.nodes);
    expect(names.size).toBeGreaterThan(50);
    for (const name of names) expect([name, matchesRequired(parseEvidence(name), name)]).toEqual([name, true]);
  });
});
