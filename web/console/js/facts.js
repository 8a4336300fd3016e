// 年度基本数据: the unit-year facts (编制数, 在职人数, 三公经费 …) as the report will use them, each with
// its source (填写 / 支出表 / 推算), what the report still lacks, and a form that saves staff's entries
// as a new version. Routes: docs/report.md#unit-year-facts (groups evaluation or finance).
import { api } from "./api.js";
import { session } from "./auth.js";
import { dateTime, errorNotice, field, forbidden, h, hashQuery, markFieldErrors, show, table } from "./ui.js";
import { unitYearForm } from "./finance.js";

const SOURCES = {
  ENTERED: ["填写", "good"],
  WORKBOOK: ["支出表", "muted"],
  DERIVED: ["推算", "muted"],
};

function unitAndYear() {
  const q = hashQuery();
  const unit = /^[a-z0-9-]{2,40}$/.test(q.unit || "") ? q.unit : session()?.units?.[0] || "lyyshj";
  const year = /^\d{4}$/.test(q.year || "") ? q.year : String(new Date().getFullYear() - 1);
  return { unit, year };
}

/** Exact 元 as 万元 text, by moving the decimal point (no floating point): "5000.00" → "0.5". */
export function yuanToWan(yuan) {
  if (yuan === null || yuan === undefined || yuan === "") return "";
  const negative = yuan.startsWith("-");
  const [whole, fraction = ""] = (negative ? yuan.slice(1) : yuan).split(".");
  const digits = whole.padStart(5, "0");
  const wan = `${digits.slice(0, -4).replace(/^0+(?=\d)/, "")}.${digits.slice(-4)}${fraction}`.replace(/\.?0+$/, "");
  return (negative && wan !== "0" ? "-" : "") + (wan || "0");
}

export async function factsView() {
  const { unit, year } = unitAndYear();
  const out = h("div", { id: "facts" }, h("p", { class: "loading" }, "正在加载…"));
  show(h("h1", {}, `年度基本数据 · ${unit} · ${year} 年`), unitYearForm("/facts", { unit, year }), out);
  let facts;
  try {
    facts = await api("GET", `/staff/reports/${encodeURIComponent(unit)}/${year}/facts`);
  } catch (error) {
    out.replaceChildren(error.status === 403 ? forbidden(error, "年度基本数据") : errorNotice(error, "无法读取年度基本数据"));
    return;
  }
  render(out, unit, year, facts, null);
}

function render(out, unit, year, facts, saved) {
  out.replaceChildren(
    saved ? h("div", { class: "notice good", id: "facts-saved", role: "status", tabindex: "-1" },
      `已保存为第 ${saved.version} 版（${saved.enteredBy}，${dateTime(saved.enteredAt)}）。`) : null,
    missingPanel(facts),
    h("section", { class: "panel", "aria-labelledby": "facts-h" }, h("h2", { id: "facts-h" }, "报告将采用的数据及来源"),
      h("p", { class: "muted" }, "每项取第一个有数的来源：工作人员填写 → 在用支出表的基本信息 → 按上年在用支出数据推算。"),
      factsTable(facts.facts || []),
      facts.notes?.length ? h("ul", { id: "facts-notes" }, facts.notes.map((n) => h("li", {}, n))) : null),
    entryForm(out, unit, year, facts),
    historyPanel(facts.history, facts.facts || []));
}

function missingPanel(facts) {
  const missing = facts.factsMissingForReport || [];
  return missing.length
    ? h("div", { class: "notice warn", id: "facts-missing" }, h("h2", {}, "报告还缺"),
      h("p", {}, `${missing.join("、")}：请在下方填写，或上传含基本信息的支出表。`))
    : h("div", { class: "notice good", id: "facts-missing" }, h("p", {}, "报告所需的四项基本数据已齐全。"));
}

function factsTable(facts) {
  return table(["数据项", "报告采用", "来源", "说明"], facts.map((f) => {
    const [label, tone] = f.source ? SOURCES[f.source.code] || [f.source.code, "muted"] : ["未提供", "bad"];
    return h("tr", { dataset: { key: f.key, source: f.source?.code || "MISSING" } },
      h("th", { scope: "row" }, f.label),
      h("td", {}, f.display),
      h("td", {}, h("span", { class: `badge ${tone}` }, label)),
      h("td", {}, f.source?.description || "尚无来源",
        f.overrides ? h("div", { class: "muted" }, `（${f.overrides.description} ${f.overrides.display}，以${label}为准）`) : null));
  }), { id: "facts-table", caption: "报告将采用的数据及来源" });
}

function entryForm(out, unit, year, facts) {
  const entered = facts.history?.[0]?.entered || {};
  const amountUnit = h("select", { name: "amountUnit", id: "amount-unit" },
    h("option", { value: "万元", selected: true }, "万元"), h("option", { value: "元" }, "元"));
  const inputs = (facts.facts || []).map((f) => {
    const value = f.unit === "元" ? yuanToWan(entered[f.key]) : entered[f.key] ?? "";
    const input = h("input", { type: "text", inputmode: f.unit === "人" ? "numeric" : "decimal", name: f.key, id: `fact-${f.key}`, value, dataset: { unit: f.unit } });
    return field(`${f.label}（${f.unit === "人" ? "人" : "金额"}）`, input);
  });
  const message = h("div", { id: "facts-message" });
  const button = h("button", { type: "submit", class: "primary", id: "save-facts" }, "保存为新版本");
  const form = h("form", { class: "panel", id: "facts-form", "aria-labelledby": "enter-h", novalidate: true },
    h("h2", { id: "enter-h" }, "填写"),
    h("p", { class: "muted" }, "填写的数据优先于支出表和推算。留空的项不填写，由支出表或推算提供。每次保存都是新版本，旧版本保留。"),
    field("金额单位", amountUnit, "人数按人填写；金额按所选单位，最多到分，预算调整数可为负数。"),
    h("div", { class: "grid2" }, h("div", {}, inputs)),
    button, message);
  amountUnit.addEventListener("change", () => {
    // the typed amounts keep their meaning: switching the unit converts them
    for (const input of form.querySelectorAll("input[data-unit='元']")) {
      if (!/^-?\d+(\.\d+)?$/.test(input.value.trim())) continue;
      input.value = amountUnit.value === "万元" ? yuanToWan(input.value.trim()) : wanToYuan(input.value.trim());
    }
  });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const body = { amountUnit: amountUnit.value };
    for (const input of form.querySelectorAll("input[name]")) {
      const value = input.value.trim();
      if (value !== "") body[input.name] = value;
    }
    button.disabled = true;
    message.replaceChildren();
    try {
      const saved = await api("PUT", `/staff/reports/${encodeURIComponent(unit)}/${year}/facts`, { body });
      const fresh = await api("GET", `/staff/reports/${encodeURIComponent(unit)}/${year}/facts`);
      render(out, unit, year, fresh, saved.saved);
      document.getElementById("facts-saved")?.focus();
    } catch (error) {
      button.disabled = false;
      message.replaceChildren(errorNotice(error, "未能保存"));
      markFieldErrors(form, error.errors);
    }
  });
  return form;
}

/** 万元 text as 元, by moving the decimal point: "0.5" → "5000", "1.23456" → "12345.6". */
function wanToYuan(wan) {
  const negative = wan.startsWith("-");
  const [whole, fraction = ""] = (negative ? wan.slice(1) : wan).split(".");
  const yuan = `${(whole + fraction.slice(0, 4).padEnd(4, "0")).replace(/^0+(?=\d)/, "")}${fraction.length > 4 ? `.${fraction.slice(4)}` : ""}`;
  return (negative && yuan !== "0" ? "-" : "") + yuan;
}

function historyPanel(history, facts) {
  const versions = history || [];
  const labels = Object.fromEntries(facts.map((f) => [f.key, `${f.label}`]));
  const units = Object.fromEntries(facts.map((f) => [f.key, f.unit]));
  return h("section", { class: "panel", "aria-labelledby": "hist-h" }, h("h2", { id: "hist-h" }, "填写记录"),
    versions.length === 0 ? h("p", { class: "muted" }, "还没有人填写过。")
      : table(["版本", "填写人", "时间", "填写的内容"], versions.map((v) => h("tr", { dataset: { version: v.version } },
        h("td", {}, `第 ${v.version} 版`), h("td", {}, v.enteredBy), h("td", {}, dateTime(v.enteredAt)),
        h("td", {}, Object.entries(v.entered || {}).map(([k, x]) => `${labels[k] || k} ${x} ${units[k] || ""}`.trim()).join("；") || "（全部留空）"))),
      { id: "facts-history", caption: "填写记录" }));
}
