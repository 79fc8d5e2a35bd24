/**
 * Issue 25's property: for generated band lists in the wordings provinces publish (named outcomes, percentage
 * ladders with "Đạt X%", counts with "Không có …", days late with "Đúng hạn", dates, points as "1", "0,5 điểm",
 * "1đ", "được 1 điểm", bands joined by ";", a stray qualifier), the imported rule scores each band's own example
 * value at that band's points — or the criterion has no rule and the import lists a cell of its wording.
 */
import fc from "fast-check";
import { CellValue, importCatalogTable, score, walk } from "../../src/scoring";

interface GenBand {
  text: string;
  example: string;
  points: number;
}

const POINTS = [1, 0.75, 0.5, 0.25, 0];
const pointsText = (p: number) => String(p).replace(".", ",");

/** Points written as provinces write them, after the wording. */
const withPoints = (wording: string, p: number, style: number) =>
  [`${wording}: ${pointsText(p)}`, `${wording}: ${pointsText(p)} điểm`, `${wording}: ${pointsText(p)}đ`, `${wording} được ${pointsText(p)} điểm`][style % 4];

/** Descending points for n bands (the first at most the maximum 1). */
const descending = (n: number) =>
  fc.uniqueArray(fc.constantFrom(...POINTS), { minLength: n, maxLength: n }).map((ps) => [...ps].sort((a, b) => b - a));

const labels = fc.integer({ min: 2, max: 4 }).chain((n) =>
  fc.tuple(
    fc.shuffledSubarray(["Ban hành kịp thời", "Ban hành không kịp thời", "Không ban hành", "Hoàn thành xuất sắc", "Hoàn thành tốt", "Đạt", "Không đạt"], {
      minLength: n,
      maxLength: n,
    }),
    descending(n),
    fc.nat(),
  ).map(([names, ps, style]) => names.map((name, i): GenBand => ({ text: withPoints(name, ps[i], style + i), example: name, points: ps[i] }))),
);

/** A percentage ladder: thresholds t1 > … > tk, bands "≥ t1", "[ti, ti−1)", "< tk", each in one of its wordings. */
const ladder = fc.integer({ min: 1, max: 3 }).chain((k) =>
  fc.tuple(
    fc.uniqueArray(fc.integer({ min: 5, max: 19 }).map((x) => x * 5), { minLength: k, maxLength: k }).map((ts) => [...ts].sort((a, b) => b - a)),
    descending(k + 1),
    fc.array(fc.nat(3), { minLength: k + 1, maxLength: k + 1 }),
    fc.nat(),
  ).map(([ts, ps, forms, style]) => {
    const bands: GenBand[] = [];
    ts.forEach((t, i) => {
      const wording =
        i === 0
          ? [`Từ ${t}% trở lên`, `Đạt ${t}%`, `Từ ${t}% số cơ quan, đơn vị trở lên`, `${t}% trở lên`][forms[i]]
          : [`Từ ${t}% đến dưới ${ts[i - 1]}%`, `Đạt ${t}%`, `Từ ${t} - dưới ${ts[i - 1]}%`, `Từ ${t}% - dưới ${ts[i - 1]}%`][forms[i]];
      bands.push({ text: withPoints(wording, ps[i], style + i), example: `${t}%`, points: ps[i] });
    });
    const last = ts[ts.length - 1];
    bands.push({ text: withPoints(`Dưới ${last}%`, ps[k], style), example: `${last - 1}%`, points: ps[k] });
    return bands;
  }),
);

const counts = fc.tuple(fc.constantFrom("văn bản bị kiến nghị", "báo cáo trễ hạn", "sai phạm"), descending(3), fc.nat()).map(([thing, ps, style]): GenBand[] => [
  { text: withPoints(`Không có ${thing}`, ps[0], style), example: "0", points: ps[0] },
  { text: withPoints(`Có 01 ${thing}`, ps[1], style + 1), example: "1", points: ps[1] },
  { text: withPoints(`Có từ 02 ${thing} trở lên`, ps[2], style + 2), example: "3", points: ps[2] },
]);

const late = fc.tuple(fc.integer({ min: 2, max: 30 }), descending(3), fc.nat()).map(([days, ps, style]): GenBand[] => [
  { text: withPoints("Đúng hạn", ps[0], style), example: "0", points: ps[0] },
  { text: withPoints(`Chậm dưới ${days} ngày`, ps[1], style), example: String(days - 1), points: ps[1] },
  { text: withPoints(`Chậm từ ${days} ngày trở lên`, ps[2], style), example: String(days), points: ps[2] },
]);

const dates = fc.tuple(fc.integer({ min: 2, max: 27 }), fc.integer({ min: 1, max: 12 }), descending(2), fc.nat()).map(([d, m, ps, style]): GenBand[] => {
  const date = (day: number) => `${String(day).padStart(2, "0")}/${String(m).padStart(2, "0")}/2025`;
  return [
    { text: withPoints(`Trước ngày ${date(d)}`, ps[0], style), example: date(d - 1), points: ps[0] },
    { text: withPoints(`Sau ngày ${date(d)}`, ps[1], style), example: date(d + 1), points: ps[1] },
  ];
});

/** A band list, perhaps with one band given a qualifier the others lack, perhaps all on one line joined by ";". */
const bandList = fc.tuple(fc.oneof(labels, ladder, counts, late, dates), fc.boolean(), fc.option(fc.nat(9), { nil: undefined })).map(([bands, joined, qualify]) => {
  const out = bands.map((b) => ({ ...b }));
  if (qualify !== undefined) {
    // A qualifier on one band ("Hoàn thành đúng hạn …"); a named outcome then names the qualified outcome.
    const b = out[qualify % out.length];
    const lower = (x: string) => `${x.charAt(0).toLowerCase()}${x.slice(1)}`;
    b.text = `Hoàn thành đúng hạn ${lower(b.text)}`;
    if (!/^\d|\//.test(b.example)) b.example = `Hoàn thành đúng hạn ${lower(b.example)}`;
  }
  return { bands: out, joined: joined && out.every((b) => !/được/.test(b.text)) };
});

function grid(bands: GenBand[], joined: boolean): { values: CellValue[][]; cells: string[] } {
  const values: CellValue[][] = [
    ["BỘ TIÊU CHÍ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2025"],
    ["STT", "Nội dung tiêu chí", "Điểm tối đa"],
    [1, "CÔNG TÁC CHỈ ĐẠO", 1],
    ["1.1", "Tiêu chí thử", 1],
  ];
  if (joined) values.push([null, bands.map((b) => b.text).join("; ")]);
  else for (const b of bands) values.push([null, b.text]);
  const cells = values.slice(4).map((_, i) => `B${i + 5}`);
  return { values, cells };
}

test("each band's own example value scores that band's points, or the criterion has no rule and its cell is listed", () => {
  fc.assert(
    fc.property(bandList, ({ bands, joined }) => {
      const { values, cells } = grid(bands, joined);
      const read = importCatalogTable({ name: "Phụ lục", values }, { id: "thu" });
      expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
      const node = walk(read.catalog!.nodes).find((n) => n.code === "1.1")!;
      if (node.rule) {
        for (const b of bands) expect([b.text, score(node.rule, b.example, 1)]).toEqual([b.text, expect.objectContaining({ points: b.points })]);
      } else {
        expect(read.unconverted.some((u) => u.code === "1.1" && cells.includes(u.cell))).toBe(true);
        const reading = read.criteria.find((c) => c.code === "1.1")!;
        expect(reading.state).toBe("notRead");
      }
    }),
    { numRuns: 400, seed: 25 },
  );
});

test("the generator reaches both outcomes: rules made, and wordings listed as not read", () => {
  const made = { rule: 0, listed: 0 };
  fc.assert(
    fc.property(bandList, ({ bands, joined }) => {
      const { values } = grid(bands, joined);
      const node = walk(importCatalogTable({ name: "Phụ lục", values }, { id: "thu" }).catalog!.nodes).find((n) => n.code === "1.1")!;
      made[node.rule ? "rule" : "listed"]++;
    }),
    { numRuns: 200, seed: 7 },
  );
  expect(made.rule).toBeGreaterThan(50);
  expect(made.listed).toBeGreaterThan(10);
});
