// 绩效自评: per unit and year, the texts and manual scores (a new version on every save), what the
// report still lacks, generating it, and every version with its download link, fingerprint and
// score. Routes: docs/report.md.
import { api } from "./api.js";
import { unitYearForm } from "./finance.js";
import { session } from "./auth.js";
import { bytes, dateTime, errorNotice, field, forbidden, h, hashQuery, markFieldErrors, show, table } from "./ui.js";

const PROFILE = [["unitName", "单位名称"], ["functions", "单位职能"], ["departments", "内设机构"], ["staffing", "人员编制"]];
const SECTIONS = [
  ["keyWorkPlan", "年度重点工作计划", true], ["sanGongNote", "“三公”经费说明", false], ["fundManagement", "资金管理情况", true],
  ["projectOrganisation", "项目组织情况", true], ["projectManagement", "项目管理情况", true], ["fixedAssets", "固定资产情况", true],
  ["assetManagement", "资产管理情况", true], ["performanceOverview", "绩效总体情况", true], ["performanceAnalysis", "绩效分析", true],
  ["projectConclusion", "项目结论", false], ["problems", "存在的问题", true], ["measures", "改进措施", true], ["goodPractice", "经验做法", true],
];

export async function reportsView() {
  const q = hashQuery();
  const unit = /^[a-z0-9-]{2,40}$/.test(q.unit || "") ? q.unit : session()?.units?.[0] || "lyyshj";
  const year = /^\d{4}$/.test(q.year || "") ? q.year : String(new Date().getFullYear() - 1);
  const base = `/staff/reports/${encodeURIComponent(unit)}/${year}`;
  const readiness = h("section", { class: "panel", id: "readiness", "aria-labelledby": "ready-h" }, h("h2", { id: "ready-h" }, "报告还缺什么"), h("p", { class: "loading" }, "正在检查…"));
  const versions = h("section", { class: "panel", id: "versions", "aria-labelledby": "ver-h" }, h("h2", { id: "ver-h" }, "已生成的报告"), h("p", { class: "loading" }, "正在加载…"));
  const generated = h("div", { id: "generate-result", role: "status" });
  const generate = h("button", { type: "button", class: "primary", id: "generate" }, "生成报告");
  const inputs = h("section", { class: "panel", id: "inputs", "aria-labelledby": "in-h" }, h("h2", { id: "in-h" }, "文字材料与人工评分"), h("p", { class: "loading" }, "正在加载…"));
  show(h("h1", {}, `绩效自评 · ${unit} · ${year} 年`), unitYearForm("/reports", { unit, year }),
    h("div", { class: "grid2" }, h("div", {}, inputs), h("div", {}, readiness, h("div", { class: "panel" }, h("h2", {}, "生成"), h("p", { class: "muted" }, "用已保存的最新文字和当前数据生成 PDF；材料不变时不会重复生成。"), generate, generated), versions)));
  const refresh = () => Promise.all([loadReadiness(readiness, base), loadVersions(versions, base)]);
  generate.addEventListener("click", async () => {
    generate.disabled = true;
    generated.replaceChildren(h("p", { class: "loading" }, "正在生成，约需数秒…"));
    try {
      const r = await api("POST", base, { body: {} });
      generated.replaceChildren(h("div", { class: "notice good", id: "generated" },
        `${r.reused ? "材料未变，沿用" : "已生成"}第 ${r.version} 版：${r.score} 分，${r.grade}。`, " ", h("a", { href: r.download.url, id: "generated-download" }, `下载 ${r.fileName}`)));
    } catch (error) {
      const missing = error.body?.missing || error.body?.characters;
      generated.replaceChildren(errorNotice(error, "未能生成报告"), missing?.length && !error.errors.length ? h("ul", { id: "generate-missing" }, missing.map((m) => h("li", {}, m))) : null);
    } finally {
      generate.disabled = false;
    }
    await refresh();
  });
  const ok = await loadInputs(inputs, base, year, refresh);
  if (ok) await refresh();
}

async function loadReadiness(section, base) {
  const heading = section.querySelector("h2");
  try {
    const r = await api("GET", `${base}/readiness`);
    section.replaceChildren(heading, r.ready
      ? h("p", { class: "notice good", id: "ready" }, "材料齐全，可以生成报告。")
      : h("ul", { id: "missing" }, (r.missingInputs || []).map((m) => h("li", {}, m.what, m.step ? h("div", { class: "muted" }, m.step) : null))));
  } catch (error) {
    section.replaceChildren(heading, error.status === 403 ? forbidden(error, "绩效自评") : errorNotice(error, "无法检查"));
  }
}

async function loadVersions(section, base) {
  const heading = section.querySelector("h2");
  try {
    const list = await api("GET", base);
    section.replaceChildren(heading, !list.reports?.length ? h("p", { class: "muted" }, "还没有生成过报告。")
      : table(["版本", "得分", "生成时间", "指纹", "下载"], list.reports.map((r) => h("tr", { dataset: { version: r.version } },
        h("td", {}, `第 ${r.version} 版`, h("div", { class: "muted" }, `文字第 ${r.inputsVersion} 版 · ${r.generatedBy}`)),
        h("td", {}, `${r.score} 分（${r.grade}）`),
        h("td", {}, dateTime(r.generatedAt)),
        h("td", { class: "code break", title: r.fingerprint }, r.fingerprint),
        h("td", {}, h("a", { href: r.download.url, class: "download" }, r.fileName), h("div", { class: "muted" }, bytes(r.sizeBytes))))), { id: "versions-table" }));
  } catch (error) {
    section.replaceChildren(heading, error.status === 403 ? forbidden(error, "绩效自评") : errorNotice(error, "无法读取报告"));
  }
}

async function loadInputs(section, base, year, refresh) {
  const heading = section.querySelector("h2");
  let saved = null;
  let indicators = [];
  try {
    saved = await api("GET", `${base}/inputs`).catch((e) => { if (e.status === 404) return null; throw e; });
    indicators = await api("GET", `/staff/indicator-sets/${year}`).then((s) => s.indicators || []).catch((e) => { if (e.status === 404) return []; throw e; });
  } catch (error) {
    section.replaceChildren(heading, error.status === 403 ? forbidden(error, "绩效自评") : errorNotice(error, "无法读取文字材料"));
    return false;
  }
  const inputs = saved?.inputs || {};
  const manual = indicators.filter((i) => i.rule?.type === "manual");
  const scores = new Map((inputs.manualScores || []).map((m) => [m.indicator, m]));
  for (const m of inputs.manualScores || []) if (!manual.some((i) => i.id === m.indicator)) manual.push({ id: m.indicator, name: m.indicator, weight: "" });
  const area = (name, label, value, required) => field(`${label}${required ? "（必填）" : ""}`, h("textarea", { name, id: name.replace(".", "-"), rows: 4 }, value || ""));
  const notes = h("div", { id: "project-notes" });
  const addNote = (note = {}) => {
    const i = notes.children.length;
    notes.append(h("div", { class: "row", dataset: { row: i } },
      field("项目", h("input", { type: "text", name: `projectNotes[${i}].project`, value: note.project || "" })),
      h("div", { style: "flex:1" }, field("说明", h("textarea", { name: `projectNotes[${i}].text`, rows: 2 }, note.text || "")))));
  };
  (inputs.projectNotes || []).forEach(addNote);
  const status = h("div", { id: "save-result", role: "status" });
  const form = h("form", { id: "inputs-form" },
    saved ? h("p", { class: "muted", id: "inputs-version" }, `当前为第 ${saved.version} 版，${saved.savedBy} 保存于 ${dateTime(saved.savedAt)}。保存会生成新版本，旧版本保留。`) : h("p", { class: "muted", id: "inputs-version" }, "尚未保存过。"),
    h("p", { class: "muted" }, "文字中的数字用占位符从数据中填写，如 {spending.total}、{complaints.received}、{staffing.authorized}（见 docs/report.md）。"),
    h("h3", {}, "单位概况"), PROFILE.map(([k, l]) => area(`profile.${k}`, l, inputs.profile?.[k], true)),
    h("h3", {}, "各部分文字"), SECTIONS.map(([k, l, r]) => area(`sections.${k}`, l, inputs.sections?.[k], r)),
    h("h3", {}, "项目说明"), notes, h("button", { type: "button", onclick: () => addNote() }, "添加项目说明"),
    h("h3", {}, "人工评分"),
    manual.length ? table(["指标", h("th", { class: "num" }, "分值"), "得分", "扣分说明"], manual.map((i) => h("tr", {},
      h("td", {}, i.name, h("div", { class: "code" }, i.id)), h("td", { class: "num" }, i.weight),
      h("td", {}, h("div", { class: "field" }, h("input", { type: "number", name: `score.${i.id}`, id: `score-${i.id}`, min: 0, max: 100, step: 0.1, value: scores.get(i.id)?.score ?? "", "aria-label": `${i.name} 得分` }))),
      h("td", {}, h("div", { class: "field" }, h("input", { type: "text", name: `scoreNote.${i.id}`, value: scores.get(i.id)?.note || "", "aria-label": `${i.name} 扣分说明` })))))) : h("p", { class: "muted" }, "本年度没有指标体系或无人工评分指标。"),
    h("p", {}, h("button", { type: "submit", class: "primary", id: "save-inputs" }, "保存为新版本")), status);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const body = { profile: {}, sections: {}, projectNotes: [], manualScores: [] };
    const scoreFields = [];
    for (const [name, value] of new FormData(form).entries()) {
      const text = String(value);
      if (name.startsWith("profile.") && text.trim()) body.profile[name.slice(8)] = text;
      else if (name.startsWith("sections.") && text.trim()) body.sections[name.slice(9)] = text;
    }
    for (const row of notes.children) {
      const project = row.querySelector("input").value.trim();
      const text = row.querySelector("textarea").value;
      if (project || text.trim()) body.projectNotes.push({ project, text });
    }
    for (const i of manual) {
      const score = form.querySelector(`[name="score.${CSS.escape(i.id)}"]`).value;
      const note = form.querySelector(`[name="scoreNote.${CSS.escape(i.id)}"]`).value.trim();
      if (score === "") continue;
      scoreFields.push(i.id);
      body.manualScores.push(note ? { indicator: i.id, score: Number(score), note } : { indicator: i.id, score: Number(score) });
    }
    const button = form.querySelector("#save-inputs");
    button.disabled = true;
    try {
      const r = await api("PUT", `${base}/inputs`, { body });
      status.replaceChildren(h("div", { class: "notice good", id: "saved" }, `已保存为第 ${r.version} 版。`,
        r.missingForReport?.length ? ` 报告还缺 ${r.missingForReport.length} 项，见右侧。` : " 文字材料已齐全。"));
      form.querySelector("#inputs-version").textContent = `当前为第 ${r.version} 版，${r.savedBy} 保存于 ${dateTime(r.savedAt)}。保存会生成新版本，旧版本保留。`;
      markFieldErrors(form, []);
      await refresh();
    } catch (error) {
      // the API names fields as sent (manualScores[2].score): point them at the inputs shown
      const errors = error.errors.map((x) => {
        const m = /^manualScores\[(\d+)\]\.(score|note|indicator)$/.exec(x.field || "");
        return m ? { ...x, field: `${m[2] === "note" ? "scoreNote" : "score"}.${scoreFields[Number(m[1])]}` } : x;
      });
      markFieldErrors(form, errors);
      status.replaceChildren(errorNotice({ ...error, message: error.message, code: error.code, errors, status: error.status }, "未能保存"));
    } finally {
      button.disabled = false;
    }
  });
  section.replaceChildren(heading, form);
  return true;
}
