/**
 * @jest-environment jsdom
 *
 * The task pane page with its real components, no Office: data and callbacks come in as props.
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { getActiveCatalog, resetActiveCatalog, SettingsStorage } from "../../src/functions/active-catalog";
import { builtinCatalog, builtinCatalogs, Catalog, getNode } from "../../src/scoring";
import { App } from "../../src/taskpane/App";
import { maxLabel } from "../../src/taskpane/components/CriteriaTree";
import { uiLang } from "../../src/taskpane/i18n";
import { prepareStartup } from "../../src/taskpane/startup";

const [dienBien2018, dienBienSo] = [builtinCatalog("dien-bien-2018"), builtinCatalog("dien-bien-so")];

function renderApp(props: Partial<React.ComponentProps<typeof App>> = {}) {
  return render(<App catalogs={builtinCatalogs()} initial={dienBien2018} lang="vi" inExcel={true} {...props} />);
}

/** The tree item of a code (its data-code attribute). */
const item = (code: string) => document.querySelector(`[data-code="${code}"]`);

async function pickCatalog(name: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole("combobox"));
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("option", { name: new RegExp(name.replace(/[()]/g, "\\$&")) }));
  });
}

beforeEach(() => resetActiveCatalog());

describe("task pane", () => {
  it("shows the header and the default catalogue's criteria tree, all levels open", () => {
    renderApp();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("PAR Scorer — Chấm điểm Chỉ số CCHC");
    expect(screen.getByRole("tree")).toBeTruthy();
    const leaf = item("1.3.1")!;
    expect(leaf).not.toBeNull();
    expect(leaf.textContent).toContain(getNode(dienBien2018, "1.3.1").name);
    expect(leaf.textContent).toContain("Quy tắc: >30%: 1; *: 0");
    expect(screen.getByRole("combobox").textContent).toContain(dienBien2018.name);
  });

  it("formats maxima with a decimal comma, a parent's as its children's sum, '—' where unknown", () => {
    renderApp();
    expect(within(item("1.1.1") as HTMLElement).getAllByText("0,5").length).toBeGreaterThan(0);
    expect(maxLabel(getNode(dienBien2018, "1.1"), "—")).toBe("1,5");
    expect(maxLabel(getNode(dienBienSo, "1.1.1"), "—")).toBe("—");
  });

  it("switching the catalogue shows the other one's criteria and calls back", async () => {
    const chosen: Catalog[] = [];
    renderApp({ onSelectCatalog: (c) => void chosen.push(c) });
    expect(item("8.1")).toBeNull(); // dien-bien-2018 has fields 1–7
    await pickCatalog(dienBienSo.name);
    expect(chosen).toEqual([dienBienSo]);
    const so = item("8.1");
    expect(so).not.toBeNull();
    expect(so!.textContent).toContain(getNode(dienBienSo, "8.1").name);
    expect(item("1.1.1")!.textContent).toContain(getNode(dienBienSo, "1.1.1").name);
    expect(item("1.1.1")!.textContent).toContain("—");
  });

  it("outside Office shows the tree anyway and how to sideload manifest.xml", () => {
    renderApp({ inExcel: false });
    expect(screen.getByText("Đang mở ngoài Excel")).toBeTruthy();
    expect(document.body.textContent).toMatch(/manifest\.xml/);
    expect(item("1.3.1")).not.toBeNull();
  });

  it("in Excel there is no sideload hint", () => {
    renderApp({ inExcel: true });
    expect(screen.queryByText("Đang mở ngoài Excel")).toBeNull();
  });

  it("speaks English when Office's display language is English", () => {
    expect(uiLang("en-US")).toBe("en");
    expect(uiLang("vi-VN")).toBe("vi");
    expect(uiLang(null)).toBe("vi");
    renderApp({ lang: "en", inExcel: false });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("PAR Scorer — PAR Index scoring");
    expect(screen.getByText("Opened outside Excel")).toBeTruthy();
    expect(item("1.3.1")!.textContent).toContain("Rule: >30%: 1; *: 0");
  });

  it("shows a failed save as an error", async () => {
    renderApp({ onSelectCatalog: () => Promise.reject(new Error("Sổ tính chỉ đọc")) });
    await pickCatalog(dienBienSo.name);
    expect(screen.getByText(/Không lưu được lựa chọn vào sổ tính: Sổ tính chỉ đọc/)).toBeTruthy();
  });
});

describe("startup wiring", () => {
  it("loads the workbook's catalogue, switches and persists through the storage, then recalculates", async () => {
    const data: Record<string, unknown> = { "par.activeCatalog": "dien-bien-so" };
    const storage: SettingsStorage = { get: (k) => data[k], set: (k, v) => void (data[k] = v), save: async () => undefined };
    let recalcs = 0;
    const startup = prepareStartup({ inExcel: true, displayLanguage: "vi-VN", storage, recalculate: async () => void recalcs++ });
    expect(startup.initial).toBe(dienBienSo);
    expect(startup.lang).toBe("vi");
    expect(recalcs).toBe(1); // the stored choice differs from the default
    render(<App {...startup} />);
    expect(item("8.1")).not.toBeNull();
    await pickCatalog(dienBien2018.name);
    expect(getActiveCatalog()).toBe(dienBien2018);
    expect(data["par.activeCatalog"]).toBe("dien-bien-2018");
    expect(recalcs).toBe(2);
    expect(item("8.1")).toBeNull();
  });

  it("warns, in the UI language, when the stored catalogue cannot be read", () => {
    const storage: SettingsStorage = { get: () => "{bad json", set: () => undefined, save: async () => undefined };
    const startup = prepareStartup({ inExcel: true, displayLanguage: "en-GB", storage, recalculate: null });
    expect(startup.initial.id).toBe("dien-bien-2018");
    expect(startup.notice).toBe(
      "The catalogue saved in the workbook (par.activeCatalog) cannot be read. The default is in use; pick the catalogue again in the PAR Scorer pane",
    );
  });
});
