// 支出数据: template, upload with progress and live status, findings, the year's submissions and
// which one is in force, the figures in force, a check's comparison and its adoption.
// Routes: docs/spending.md.
import { api, download } from "./api.js";
import { findingsTable, outcomeNotice, uploadForm } from "./upload.js";
import { session } from "./auth.js";
import { dateTime, errorNotice, field, forbidden, h, hashQuery, hashWith, show, table } from "./ui.js";

function unitAndYear() {
  const q = hashQuery();
  const unit = /^[a-z0-9-]{2,40}$/.test(q.unit || "") ? q.unit : session()?.units?.[0] || "lyyshj";
  const year = /^\d{4}$/.test(q.year || "") ? q.year : String(new Date().getFullYear() - 1);
  return { unit, year };
}

export function unitYearForm(path, { unit, year }) {
  const unitInput = h("input", { type: "text", name: "unit", id: "unit", value: unit, list: "my-units", pattern: "[a-z0-9-]{2,40}", required: true });
  const yearInput = h("input", { type: "number", name: "year", id: "year", value: year, min: 2000, max: 2100, required: true });
  const form = h("form", { class: "panel filters", "aria-label": "单位与年度" },
    h("datalist", { id: "my-units" }, (session()?.units || []).map((u) => h("option", { value: u }))),
    field("单位代码", unitInput), field("年度", yearInput),
    h("div", { class: "field" }, h("button", { type: "submit", class: "primary" }, "切换")));
  form.addEventListener("submit", (e) => { e.preventDefault(); location.hash = hashWith(path, { unit: unitInput.value.trim(), year: yearInput.value }); });
  return form;
}

export async function financeView() {
  const { unit, year } = unitAndYear();
  const uploadPanel = financeUploadForm(unit, year);
  const submissions = h("section", { class: "panel", id: "submissions", "aria-labelledby": "subs-h" }, h("h2", { id: "subs-h" }, "本年度提交记录"), h("p", { class: "loading" }, "正在加载…"));
  const figures = h("section", { class: "panel", id: "figures-in-force", "aria-labelledby": "fig-h" }, h("h2", { id: "fig-h" }, "生效数据"), h("p", { class: "loading" }, "正在加载…"));
  show(h("h1", {}, `支出数据 · ${unit} · ${year} 年`), unitYearForm("/spending", { unit, year }), uploadPanel, submissions, figures);
  await Promise.all([loadSubmissions(submissions, unit, year), loadFigures(figures, unit, year)]);
}

function financeUploadForm(unit, year) {
  const dryRun = h("input", { type: "checkbox", name: "dryRun", id: "dry-run" });
  return uploadForm({
    unit, year,
    title: "上传支出明细",
    hint: "支持 .xlsx、.xls（Excel 97–2003）和 .csv，不超过 20 MB。校验通过的文件成为本年度生效数据；未通过的整份退回，生效数据不变。",
    uploadsPath: "/staff/spending/uploads",
    statusPath: (id) => `/staff/spending/submissions/${encodeURIComponent(id)}`,
    request: () => ({ dryRun: dryRun.checked }),
    extra: ({ status, result }) => {
      const templateButton = h("button", { type: "button", id: "template" }, `下载 ${year} 年模板`);
      templateButton.addEventListener("click", async () => {
        try {
          const name = await download("/staff/spending/template", { year }, `支出明细模板-${year}.xlsx`);
          status.textContent = `已下载模板：${name}`;
        } catch (error) {
          result.replaceChildren(errorNotice(error, "无法下载模板"));
        }
      });
      return [h("div", { class: "row" }, templateButton),
        h("div", { class: "field" }, h("label", { for: "dry-run" }, dryRun, " 仅预检（不改变生效数据，可先比较再启用）"))];
    },
    details: submissionDetails,
    onDone: async () => {
      const submissions = document.getElementById("submissions");
      if (submissions) await loadSubmissions(submissions, unit, year);
      const figures = document.getElementById("figures-in-force");
      if (figures) await loadFigures(figures, unit, year);
    },
  });
}

async function loadSubmissions(section, unit, year) {
  const heading = section.querySelector("h2");
  let list;
  try {
    list = await api("GET", `/staff/spending/units/${encodeURIComponent(unit)}/years/${year}/submissions`);
  } catch (error) {
    section.replaceChildren(heading, error.status === 403 ? forbidden(error, "支出数据") : errorNotice(error, "无法读取提交记录"));
    return;
  }
  const items = list.submissions || [];
  section.replaceChildren(heading,
    items.length === 0 ? h("p", { class: "muted" }, "本年度还没有提交。")
      : table(["提交时间", "文件", "类型", "状态", "问题数", "生效"], items.map((s) =>
        h("tr", { dataset: { submissionId: s.submissionId }, class: s.submissionId === list.currentSubmissionId ? "current" : "" },
          h("td", {}, h("a", { href: `#/spending/submissions/${encodeURIComponent(s.submissionId)}` }, dateTime(s.requestedAt))),
          h("td", { class: "break" }, s.fileName), h("td", {}, s.kindLabel), h("td", {}, s.statusLabel),
          h("td", { class: "num" }, s.findingCount ?? "—"),
          h("td", {}, s.submissionId === list.currentSubmissionId ? h("span", { class: "badge good" }, "当前生效") : ""))),
      { id: "submissions-table", caption: "本年度提交记录" }));
}

async function loadFigures(section, unit, year) {
  const heading = section.querySelector("h2");
  let f;
  try {
    f = await api("GET", `/staff/spending/units/${encodeURIComponent(unit)}/years/${year}/figures`);
  } catch (error) {
    section.replaceChildren(heading, error.status === 404
      ? h("p", { class: "muted", id: "no-figures" }, "本年度尚无生效数据：上传并通过校验后显示。")
      : error.status === 403 ? forbidden(error, "支出数据") : errorNotice(error, "无法读取生效数据"));
    return;
  }
  section.replaceChildren(heading, ...figuresTables(f));
}

const wan = (a) => (a ? a.wanYuan : "—");

function totalsList(t) {
  if (!t) return null;
  return h("dl", { class: "facts", id: "totals" },
    [["支出合计", t.total], ["基本支出", t.basic], ["其中人员经费", t.personnel], ["其中公用经费", t.publicOperating], ["项目支出", t.project], ["“三公”经费", t.sanGong]]
      .map(([label, amount]) => [h("dt", {}, label), h("dd", {}, `${wan(amount)} 万元（${amount?.yuan ?? "—"} 元）`)]));
}

function figuresTables(f) {
  return [
    h("p", {}, `来自 ${f.fileName}，${f.lineCount} 行。金额单位：万元。`),
    totalsList(f.totals),
    h("h3", {}, "按项目"),
    table(["项目", h("th", { class: "num" }, "预算数"), h("th", { class: "num" }, "执行数")], (f.byProject || []).map((p) =>
      h("tr", {}, h("td", {}, p.project), h("td", { class: "num" }, wan(p.budget)), h("td", { class: "num" }, wan(p.actual)))), { id: "by-project" }),
    h("h3", {}, "按经济分类科目"),
    table(["科目编码", "科目名称", h("th", { class: "num" }, "基本支出执行"), h("th", { class: "num" }, "项目支出执行"), h("th", { class: "num" }, "预算合计"), h("th", { class: "num" }, "执行合计")],
      (f.byEconomicCode || []).map((e) => h("tr", {}, h("td", {}, e.code), h("td", {}, e.name), h("td", { class: "num" }, wan(e.basicActual)),
        h("td", { class: "num" }, wan(e.projectActual)), h("td", { class: "num" }, wan(e.budget)), h("td", { class: "num" }, wan(e.actual)))), { id: "by-code" }),
    f.factsMissingForReport?.length ? h("div", { class: "notice warn" }, h("p", {}, `报告尚缺：${f.factsMissingForReport.join("、")}`)) : null,
  ];
}

function submissionDetails(s) {
  const o = s.outcome || {};
  return [
    outcomeNotice(s, `${s.kindLabel}，提交于 ${dateTime(s.requestedAt)}${s.processedAt ? `，处理于 ${dateTime(s.processedAt)}` : ""}`),
    o.totals ? h("h3", {}, s.status === "ACCEPTED" ? "合计" : "文件中读出的合计（未采用，仅供核对）") : null,
    totalsList(o.totals),
    findingsTable(s),
  ].flat().filter(Boolean);
}

export async function submissionView(submissionId) {
  let s;
  try {
    s = await api("GET", `/staff/spending/submissions/${encodeURIComponent(submissionId)}`);
  } catch (error) {
    show(h("h1", {}, "提交详情"), error.status === 403 ? forbidden(error, "支出数据") : errorNotice(error, "无法打开提交"));
    return;
  }
  const back = h("p", {}, h("a", { href: hashWith("/spending", { unit: s.unit, year: s.year }) }, `← 返回 ${s.unit} ${s.year} 年支出数据`));
  const comparison = h("section", { id: "comparison" });
  show(back, h("h1", {}, "提交详情"), ...submissionDetails(s), comparison);
  if (s.kind === "CHECK" && s.status === "ACCEPTED") await loadComparison(comparison, s);
}

async function loadComparison(section, s) {
  let c;
  try {
    c = await api("GET", `/staff/spending/submissions/${encodeURIComponent(s.submissionId)}/comparison`);
  } catch (error) {
    section.replaceChildren(errorNotice(error, "无法比较"));
    return;
  }
  const adopt = h("button", { type: "button", class: "primary", id: "adopt", hidden: s.current }, "启用为本年度数据");
  const message = h("div", { role: "status" });
  adopt.addEventListener("click", () => adoptCheck(s, adopt, message, undefined));
  section.replaceChildren(h("div", { class: "panel" }, h("h2", {}, "预检比较：启用后生效数据的变化"), comparisonTables(c), h("div", { class: "row" }, adopt), message));
}

function comparisonTables(c) {
  if (!c.changesAnything) return h("p", {}, "与当前生效数据完全相同。");
  const rows = (list) => (list || []).map((r) => h("tr", { class: r.difference?.yuan && Number(r.difference.yuan) !== 0 ? "changed" : "" },
    h("td", {}, r.label), h("td", { class: "num" }, wan(r.before)), h("td", { class: "num" }, wan(r.after)), h("td", { class: "num" }, wan(r.difference))));
  const head = ["", h("th", { class: "num" }, "现行（万元）"), h("th", { class: "num" }, "启用后"), h("th", { class: "num" }, "差额")];
  return h("div", {}, h("h3", {}, "合计"), table(head, rows(c.totals)), h("h3", {}, "按项目"), table(head, rows(c.byProject)), h("h3", {}, "按经济分类科目"), table(head, rows(c.byEconomicCode)));
}

async function adoptCheck(s, button, message, expectedCurrent) {
  button.disabled = true;
  try {
    await api("POST", `/staff/spending/submissions/${encodeURIComponent(s.submissionId)}/adoption`, { body: expectedCurrent ? { expectedCurrent } : {} });
    message.replaceChildren(h("div", { class: "notice good" }, "已启用：这份预检的数据现为本年度生效数据。"));
    button.hidden = true;
  } catch (error) {
    button.disabled = false;
    if (error.code === "FIGURES_CHANGED") {
      const again = h("button", { type: "button", class: "primary" }, "了解变化，仍然启用");
      again.addEventListener("click", () => adoptCheck(s, again, message, error.body.currentSubmissionId));
      message.replaceChildren(h("div", { class: "notice warn", role: "alert" }, h("p", {}, error.message, " ", h("span", { class: "code" }, error.code)),
        error.body.comparison ? comparisonTables(error.body.comparison) : null, again));
    } else {
      message.replaceChildren(errorNotice(error, "未能启用"));
    }
  }
}
