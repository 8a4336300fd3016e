// The upload component both workspaces use (支出明细 and 投诉台账): choose a file, ask the API for a
// signed link, PUT the file with a progress bar, then read the submission until it is accepted or
// rejected and show its outcome; plus the findings table both imports answer with.
import { api, putSigned } from "./api.js";
import { errorNotice, field, h, table, wait } from "./ui.js";

const FINISHED = ["ACCEPTED", "REJECTED", "FAILED"];

/**
 * @param options.title the panel's heading; options.hint what may be uploaded
 * @param options.uploadsPath the route that opens a submission (POST {unit, year, fileName, size, …})
 * @param options.statusPath (submissionId) → the route that reads it
 * @param options.request () → extra body fields (e.g. dryRun)
 * @param options.extra controls shown above the file field (a template button, a checkbox)
 * @param options.details (submission) → the nodes that show its outcome
 * @param options.onDone (submission) → what to refresh afterwards
 */
export function uploadForm({ unit, year, title, hint, uploadsPath, statusPath, request, extra, details, onDone }) {
  const file = h("input", { type: "file", name: "file", id: "workbook", accept: ".xlsx,.xls,.csv", required: true });
  const progress = h("progress", { id: "upload-progress", max: 1, value: 0, hidden: true, "aria-label": "上传进度" });
  const status = h("p", { id: "upload-status", role: "status", "aria-live": "polite" });
  const result = h("div", { id: "upload-result", tabindex: "-1" });
  const form = h("form", { class: "panel", id: "upload-form", "aria-labelledby": "up-h" },
    h("h2", { id: "up-h" }, title),
    h("p", { class: "muted" }, hint),
    extra ? extra({ status, result }) : null,
    field("工作簿文件", file),
    h("button", { type: "submit", class: "primary", id: "upload" }, "上传"),
    progress, status, result);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const chosen = file.files[0];
    if (!chosen) {
      status.textContent = "请先选择文件。";
      return;
    }
    const button = form.querySelector("#upload");
    button.disabled = true;
    result.replaceChildren();
    try {
      const ticket = await api("POST", uploadsPath, {
        body: { unit, year: Number(year), fileName: chosen.name, size: chosen.size, ...(request ? request() : {}) },
      });
      progress.hidden = false;
      progress.value = 0;
      status.textContent = "正在上传…";
      await putSigned(ticket.upload, chosen, (fraction) => {
        progress.value = fraction;
        status.textContent = `正在上传… ${Math.round(fraction * 100)}%`;
      });
      progress.value = 1;
      const done = await watch(statusPath(ticket.submissionId), (s) => { status.textContent = `已上传，${s.statusLabel}…`; });
      status.textContent = `${done.fileName}：${done.statusLabel}`;
      result.replaceChildren(...details(done));
      result.focus();
      if (onDone) await onDone(done);
    } catch (error) {
      result.replaceChildren(errorNotice(error, "上传未完成"));
      status.textContent = "";
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** Reads the submission until it is accepted or rejected (the ingest runs after the upload). */
async function watch(path, onChange) {
  let delay = 500;
  for (;;) {
    const s = await api("GET", path);
    if (FINISHED.includes(s.status)) return s;
    onChange(s);
    await wait(delay);
    delay = Math.min(delay * 1.5, 3000);
  }
}

/** The first findings as the API gives them: sheet, row, column, the cell's text, what to fix. */
export function findingsTable(s) {
  const o = s.outcome || {};
  const findings = o.firstFindings || [];
  if (!findings.length) return null;
  return [
    h("h3", {}, `问题清单（共 ${o.findingCount} 条${o.findingCount > findings.length ? `，此处列出前 ${findings.length} 条，完整清单见 校验结果.xlsx` : ""}）`),
    table(["工作表", h("th", { class: "num" }, "行"), "列", "单元格内容", "问题及改法"], findings.map((x) =>
      h("tr", { dataset: { code: x.code } }, h("td", {}, x.sheet || "—"), h("td", { class: "num" }, x.row || "—"), h("td", {}, x.column || "—"),
        h("td", { class: "break" }, x.value || "—"), h("td", {}, x.message, " ", h("span", { class: "code" }, x.code)))), { id: "findings", caption: "问题清单" }),
  ];
}

/** The outcome's heading, times, result link, failure and notes. */
export function outcomeNotice(s, what) {
  const o = s.outcome || {};
  const tone = s.status === "ACCEPTED" ? "good" : s.status === "REJECTED" || s.status === "FAILED" ? "bad" : "";
  return h("div", { class: `notice ${tone}`, id: "submission-outcome", role: "status" },
    h("h2", {}, `${s.fileName}：${s.statusLabel}`),
    h("p", {}, `${what}。`, s.current ? " 这是本年度当前生效的数据。" : ""),
    s.reportUrl ? h("p", {}, h("a", { href: s.reportUrl, id: "report-link", class: "button" }, "下载 校验结果.xlsx"), h("span", { class: "muted" }, "（链接 10 分钟内有效）")) : null,
    s.failure ? h("p", { id: "submission-failure" }, s.failure.message, " ", h("span", { class: "code" }, s.failure.code)) : null,
    o.notes?.length ? h("ul", {}, o.notes.map((n) => h("li", {}, n))) : null);
}
