// 投诉台账: a unit uploads the year's case ledger (the spending upload's component), watches it
// checked, and reads either the figures its cases give or the findings that rejected it.
// Routes: docs/ledger.md (groups complaint-officer or evaluation).
import { session } from "./auth.js";
import { h, hashQuery, show } from "./ui.js";
import { unitYearForm } from "./finance.js";
import { findingsTable, outcomeNotice, uploadForm } from "./upload.js";

const FIGURES = [
  ["received", "收到诉求（件）"], ["COMPLAINT", "其中：投诉"], ["REPORT", "举报"], ["SUGGESTION", "意见建议（含咨询）"],
  ["DIFFICULTY", "困难诉求"], ["accepted", "受理（件）"], ["closed", "办结（件）"], ["closedOnTime", "按时办结（件）"],
  ["meetings", "多方联动会议（次）"], ["difficultiesResolved", "解决困难（个）"], ["rated", "回访评价（件）"],
  ["satisfiedWithResult", "对结果满意（含基本满意）"], ["satisfiedWithService", "对服务满意（含基本满意）"],
];

function unitAndYear() {
  const q = hashQuery();
  const unit = /^[a-z0-9-]{2,40}$/.test(q.unit || "") ? q.unit : session()?.units?.[0] || "lyyshj";
  const year = /^\d{4}$/.test(q.year || "") ? q.year : String(new Date().getFullYear() - 1);
  return { unit, year };
}

export async function ledgerView() {
  const { unit, year } = unitAndYear();
  show(h("h1", {}, `投诉台账 · ${unit} · ${year} 年`), unitYearForm("/ledger", { unit, year }),
    uploadForm({
      unit, year,
      title: "上传本年度投诉台账",
      hint: "支持 .xlsx、.xls 和 .csv。每一行是一件诉求，需有受理时间，以及诉求类别、诉求内容或登记编号。"
        + "全部行通过校验才整份导入，并替换本单位本年度此前导入的台账；有任何问题则整份退回，已导入的台账不变。导入的案件计入本年度投诉统计，只读。",
      uploadsPath: "/staff/ledgers/uploads",
      statusPath: (id) => `/staff/ledgers/submissions/${encodeURIComponent(id)}`,
      details: ledgerDetails,
    }));
}

function ledgerDetails(s) {
  const o = s.outcome || {};
  const figures = o.figures || {};
  return [
    outcomeNotice(s, `投诉台账，${o.caseCount ?? 0} 件案件`),
    s.status === "ACCEPTED" ? [
      h("h3", {}, "导入的案件计入统计的数字"),
      h("dl", { class: "facts", id: "ledger-figures" }, FIGURES.filter(([k]) => k in figures).map(([k, label]) => [h("dt", {}, label), h("dd", {}, String(figures[k]))])),
      h("p", {}, h("a", { href: `#/statistics?year=${s.year}` }, `查看 ${s.year} 年投诉统计`)),
    ] : null,
    findingsTable(s),
  ].flat(Infinity).filter(Boolean);
}
