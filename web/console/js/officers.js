// 投诉办理: the queue, one case with its history and the actions its state allows, the year's
// statistics. Routes: GET /staff/complaints, GET /staff/complaints/{n}, POST …/actions,
// GET /staff/complaint-statistics/{year}.
import { api } from "./api.js";
import { countdown } from "./workdays.js";
import { bytes, date, dateTime, errorNotice, field, forbidden, h, hashQuery, hashWith, markFieldErrors, show, table, todayInChina } from "./ui.js";

export const STATUSES = [
  ["RECEIVED", "待受理"], ["ACCEPTED", "已受理"], ["IN_PROGRESS", "办理中"],
  ["CLOSED", "已办结"], ["REVISITED", "已回访"], ["REFUSED", "不予受理"],
];
const OPEN = "RECEIVED,ACCEPTED,IN_PROGRESS";
const KINDS = [["COMPLAINT", "投诉"], ["REPORT", "举报"], ["SUGGESTION", "意见建议"], ["DIFFICULTY", "困难诉求"]];
const REASONS = [
  ["CIVIL_DISPUTE", "属于民事纠纷"], ["IN_LEGAL_PROCEEDINGS", "已进入诉讼、行政复议或仲裁程序"],
  ["ACCEPTED_ELSEWHERE", "已由其他机关受理或正在处理"], ["REPEATED_WITHOUT_NEW_FACTS", "重复投诉且无新的事实和证据"],
  ["FORCE_MAJEURE", "因不可抗力造成"], ["OUTSIDE_REMIT", "不属于营商环境投诉受理范围"],
];
const ACTION_LABELS = { ACCEPT: "受理", REFUSE: "不予受理", TRANSFER: "转办", FOLLOW_UP: "督办", MEETING: "多方联动会议", CLOSE: "办结", REVISIT: "回访" };
const statusLabel = (code) => (STATUSES.find(([c]) => c === code) || [code, code])[1];

// ---------- the queue ----------

export async function queueView() {
  const q = hashQuery();
  const status = q.status ?? OPEN;
  const filters = { status, kind: q.kind, department: q.department, from: q.from, to: q.to, overdue: q.overdue === "true" ? "true" : undefined };
  const heading = h("h1", {}, "投诉办理 · 案件队列");
  const tabs = h("nav", { class: "tabs", "aria-label": "按状态" },
    [["待办（全部未办结）", OPEN], ...STATUSES.map(([c, l]) => [l, c]), ["全部", ""]].map(([label, value]) =>
      h("a", { href: hashWith("/complaints", { ...filters, status: value || "all" }), "aria-current": String(status === value || (status === "all" && !value)) }, label)));
  const form = filterForm(filters);
  const results = h("div", { id: "queue" }, h("p", { class: "loading" }, "正在查询…"));
  show(heading, tabs, form, results);
  await loadPage(results, filters, undefined);
}

function filterForm(f) {
  const statusBoxes = h("fieldset", {}, h("legend", {}, "状态"),
    STATUSES.map(([c, l]) => h("label", {}, h("input", { type: "checkbox", name: "status", value: c, checked: f.status === "all" ? false : f.status.split(",").includes(c) }), ` ${l}`)));
  const kind = h("select", { name: "kind", id: "filter-kind" }, h("option", { value: "" }, "全部类别"), KINDS.map(([c, l]) => h("option", { value: c, selected: f.kind === c }, l)));
  const department = h("input", { type: "text", name: "department", id: "filter-department", value: f.department || "", placeholder: "如 市场监管" });
  const from = h("input", { type: "date", name: "from", id: "filter-from", value: f.from || "" });
  const to = h("input", { type: "date", name: "to", id: "filter-to", value: f.to || "" });
  const overdue = h("input", { type: "checkbox", name: "overdue", id: "filter-overdue", checked: f.overdue === "true" });
  const form = h("form", { class: "panel filters", id: "filters", "aria-label": "筛选" },
    statusBoxes,
    field("类别", kind), field("承办部门", department), field("提交日期从", from), field("至", to),
    h("div", { class: "field" }, h("label", { for: "filter-overdue" }, overdue, " 只看超期")),
    h("div", { class: "field" }, h("button", { type: "submit", class: "primary" }, "筛选")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const statuses = [...form.querySelectorAll("input[name=status]:checked")].map((b) => b.value).join(",");
    location.hash = hashWith("/complaints", {
      status: statuses || "all", kind: kind.value, department: department.value.trim(), from: from.value, to: to.value, overdue: overdue.checked ? "true" : "",
    });
  });
  return form;
}

async function loadPage(container, filters, cursor) {
  let page;
  try {
    page = await api("GET", "/staff/complaints", { query: { ...filters, status: filters.status === "all" ? undefined : filters.status, limit: 50, cursor } });
  } catch (error) {
    // a 403 shows the message alone: no tabs or filters for a queue the person may not read
    if (error.status === 403) show(h("h1", {}, "投诉办理"), forbidden(error, "投诉办理"));
    else container.replaceChildren(errorNotice(error, "查询失败"));
    return;
  }
  const today = todayInChina();
  const rows = [];
  for (const item of page.items || []) rows.push(await queueRow(item, today));
  const body = cursor ? container.querySelector("tbody") : null;
  if (body) body.append(...rows);
  else if (rows.length === 0) container.replaceChildren(h("p", { class: "panel", id: "queue-empty" }, "没有符合条件的案件。"));
  else {
    container.replaceChildren(
      h("p", { class: "muted" }, "红色：已超期；黄色：一个工作日内到期。剩余天数按工作日历计算。"),
      table(["受理编号", "类别", "事项", "承办部门", "状态", "提交时间", "办理期限", "剩余"], rows, { id: "queue-table", caption: "案件队列" }));
  }
  container.querySelector("#more")?.remove();
  if (page.nextCursor) {
    container.append(h("p", { id: "more" }, h("button", { type: "button", onclick: () => loadPage(container, filters, page.nextCursor) }, "加载更多")));
  }
}

async function queueRow(item, today) {
  const left = await deadlineBadge(item, today);
  return h("tr", { class: left.rowClass, dataset: { trackingNumber: item.trackingNumber } },
    h("td", {}, h("a", { href: `#/complaints/${encodeURIComponent(item.trackingNumber)}` }, item.trackingNumber)),
    h("td", {}, item.kindLabel),
    h("td", {}, item.subject, item.readOnly ? h("span", { class: "badge muted" }, " 台账") : null),
    h("td", {}, item.department || "—"),
    h("td", {}, item.statusLabel),
    h("td", {}, dateTime(item.filedAt)),
    h("td", {}, item.dueBy ? date(item.dueBy) : item.deadlineUnknownReason ? "待定（日历未录入）" : "—"),
    h("td", {}, left.badge));
}

/** The countdown badge and the row's highlight: overdue, due within one working day, or neither. */
async function deadlineBadge(item, today) {
  if (item.overdue) {
    const c = await countdown(today, item.dueBy);
    return { rowClass: "overdue", badge: h("span", { class: "badge bad" }, c?.late ? `超期 ${c.late} 个工作日` : "已超期") };
  }
  if (!item.dueBy) return { rowClass: "", badge: h("span", { class: "muted" }, item.deadlineUnknownReason ? "期限待定" : "—") };
  const c = await countdown(today, item.dueBy);
  if (!c) return { rowClass: "", badge: h("span", { class: "muted" }, "日历缺失") };
  if (c.left === undefined) return { rowClass: "overdue", badge: h("span", { class: "badge bad" }, `超期 ${c.late} 个工作日`) };
  if (c.left <= 1) return { rowClass: "due-soon", badge: h("span", { class: "badge warn" }, c.left === 0 ? "今天到期" : "剩 1 个工作日") };
  return { rowClass: "", badge: h("span", {}, `剩 ${c.left} 个工作日`) };
}

// ---------- one case ----------

export async function caseView(trackingNumber, notice, draft) {
  let c;
  try {
    c = await api("GET", `/staff/complaints/${encodeURIComponent(trackingNumber)}`);
  } catch (error) {
    show(h("h1", {}, `案件 ${trackingNumber}`), error.status === 403 ? forbidden(error, "投诉办理") : errorNotice(error, "无法打开案件"));
    return;
  }
  const today = todayInChina();
  const due = await deadlineBadge(c, today);
  const header = h("div", { class: "row" },
    h("h1", {}, `${c.kindLabel} ${c.trackingNumber}`),
    h("span", { class: "badge", id: "case-status", dataset: { status: c.status } }, c.statusLabel),
    h("span", { class: "muted", id: "case-version" }, `第 ${c.version} 版`),
    due.badge);
  const details = h("section", { class: "panel", "aria-labelledby": "details-h" }, h("h2", { id: "details-h" }, "案件信息"),
    h("dl", { class: "facts" },
      fact("事项", c.subject), fact("诉求内容", c.description), fact("企业", c.enterpriseName), fact("统一社会信用代码", c.creditCode),
      fact("联系人", c.anonymous ? "匿名" : c.contactName), fact("联系电话", c.anonymous ? "匿名" : c.contactPhone),
      fact("承办部门", c.department), fact("提交时间", dateTime(c.filedAt)), fact("最近更新", dateTime(c.updatedAt)),
      fact("本环节期限", c.dueBy ? date(c.dueBy) : c.deadlineUnknownMessage || "—"),
      c.readOnly ? fact("来源", `台账导入（${c.ledger?.unit || ""} 第 ${c.ledger?.row ?? "?"} 行），只读`) : null));
  const attachments = h("section", { class: "panel", "aria-labelledby": "att-h" }, h("h2", { id: "att-h" }, "附件"),
    c.attachments?.length
      ? h("ul", { id: "attachments" }, c.attachments.map((a, i) =>
        h("li", {}, h("a", { href: a.downloadUrl, target: "_blank", rel: "noopener" }, `附件 ${i + 1}`), ` ${a.contentType}，${bytes(a.size)}，${dateTime(a.at)}（链接 5 分钟内有效，过期请刷新页面）`)))
      : h("p", { class: "muted" }, "无附件。"));
  const timeline = h("section", { class: "panel", "aria-labelledby": "tl-h" }, h("h2", { id: "tl-h" }, "办理经过"),
    h("ol", { class: "timeline", id: "timeline" }, (c.history || []).map(step)));
  const actions = h("section", { class: "panel actions", "aria-labelledby": "act-h", id: "actions" }, h("h2", { id: "act-h" }, "可办理的操作"),
    c.readOnly ? h("p", {}, "台账导入的案件只读：如需更正，请重新上传台账。")
      : c.allowedActions?.length ? c.allowedActions.map((a) => actionForm(c, a, draft?.action === a ? draft.values : null))
        : h("p", { class: "muted", id: "no-actions" }, "当前状态下没有可办理的操作。"));
  show(h("p", {}, h("a", { href: "#/complaints" }, "← 返回案件队列")), notice || null, header,
    h("div", { class: "grid2" }, h("div", {}, details, timeline), h("div", {}, actions, attachments)));
  if (notice) document.getElementById("main").focus();
}

function fact(label, value) {
  return [h("dt", {}, label), h("dd", {}, value === undefined || value === null || value === "" ? "—" : value)];
}

const DETAIL_LABELS = {
  reason: "理由", department: "承办部门", participants: "参会单位", summary: "会议纪要", result: "办理结果",
  difficultiesResolved: "解决困难诉求数", satisfiedWithResult: "对结果满意", satisfiedWithService: "对服务满意", onTime: "按期", workingDays: "用时（工作日）",
};

const BY_COMPLAINANT = ["FILE", "FEEDBACK", "ATTACH"];

function step(s) {
  const details = Object.entries(s.details || {}).filter(([k]) => DETAIL_LABELS[k]);
  return h("li", { dataset: { action: s.action } },
    h("div", { class: "when" }, dateTime(s.at), " · ", BY_COMPLAINANT.includes(s.action) ? "投诉人" : s.actorName || s.actorId || ""),
    h("div", { class: "what" }, s.actionLabel, " → ", statusLabel(s.statusAfter)),
    s.publicNote ? h("div", { class: "note" }, s.publicNote) : null,
    s.internalNote ? h("div", { class: "internal" }, `内部备注：${s.internalNote}`) : null,
    details.length ? h("div", { class: "muted" }, details.map(([k, v]) => `${DETAIL_LABELS[k]}：${v === "true" ? "是" : v === "false" ? "否" : v}`).join("；")) : null);
}

function text(name, label, { required, long, value } = {}) {
  const input = long
    ? h("textarea", { name, required, rows: 3 }, value || "")
    : h("input", { type: "text", name, required, value: value || "" });
  return field(label + (required ? "（必填）" : ""), input);
}

function yesNo(name, label, value) {
  return h("fieldset", {}, h("legend", {}, `${label}（必填）`),
    h("label", {}, h("input", { type: "radio", name, value: "true", checked: value === "true" }), " 满意"),
    h("label", {}, h("input", { type: "radio", name, value: "false", checked: value === "false" }), " 不满意"));
}

function actionForm(c, action, values) {
  const v = values || {};
  const fields = {
    ACCEPT: () => [text("note", "受理意见", { long: true, value: v.note })],
    REFUSE: () => [field("不予受理理由（必填）", h("select", { name: "reason", required: true }, h("option", { value: "" }, "请选择"),
      REASONS.map(([code, label]) => h("option", { value: code, selected: v.reason === code }, label)))), text("note", "说明", { long: true, value: v.note })],
    TRANSFER: () => [text("department", "承办部门", { required: true, value: v.department }), text("note", "转办要求", { long: true, value: v.note })],
    FOLLOW_UP: () => [text("note", "督办内容", { required: true, long: true, value: v.note })],
    MEETING: () => [text("participants", "参会单位", { required: true, value: v.participants }), text("summary", "会议纪要", { required: true, long: true, value: v.summary })],
    CLOSE: () => [text("result", "办理结果", { required: true, long: true, value: v.result }),
      field("解决的困难诉求数", h("input", { type: "number", name: "difficultiesResolved", min: 0, max: 10000, step: 1, value: v.difficultiesResolved ?? "0" })),
      text("note", "备注", { long: true, value: v.note })],
    REVISIT: () => [yesNo("satisfiedWithResult", "对办理结果", v.satisfiedWithResult), yesNo("satisfiedWithService", "对服务", v.satisfiedWithService),
      text("note", "回访记录", { long: true, value: v.note })],
  }[action];
  const form = h("form", { id: `action-${action}`, dataset: { action }, "aria-label": ACTION_LABELS[action] || action },
    h("h3", {}, ACTION_LABELS[action] || action),
    fields ? fields() : null,
    h("button", { type: "submit", class: "primary" }, ACTION_LABELS[action] || action));
  form.addEventListener("submit", (e) => submitAction(e, form, c, action));
  return form;
}

async function submitAction(event, form, c, action) {
  event.preventDefault();
  const values = Object.fromEntries(new FormData(form).entries());
  const body = { action, version: c.version };
  for (const [name, value] of Object.entries(values)) {
    if (value === "") continue;
    if (name === "difficultiesResolved") body[name] = Number(value);
    else if (name.startsWith("satisfiedWith")) body[name] = value === "true";
    else body[name] = value;
  }
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const after = await api("POST", `/staff/complaints/${encodeURIComponent(c.trackingNumber)}/actions`, { body });
    await caseView(c.trackingNumber, h("div", { class: "notice good", role: "status", id: "done" },
      `已${ACTION_LABELS[action]}：案件现为「${after.statusLabel || statusLabel(after.status)}」（第 ${after.version} 版）。`));
  } catch (error) {
    button.disabled = false;
    if (error.status === 409 && error.body.currentStatus) {
      await caseView(c.trackingNumber, conflictNotice(error, action), { action, values });
    } else if (error.status === 400) {
      markFieldErrors(form, error.errors);
      form.prepend(errorNotice(error, "请按提示修改"));
    } else {
      form.prepend(errorNotice(error));
    }
  }
}

/** The 409: someone else was faster. Shows the state now; the forms below are based on it. */
function conflictNotice(error, action) {
  const b = error.body;
  const still = (b.allowedActions || []).includes(action);
  return h("div", { class: "notice warn", role: "alert", id: "conflict" },
    h("h2", {}, "案件已被他人更新，您的操作未保存"),
    h("p", {}, error.message, " ", h("span", { class: "code" }, `（${error.code}）`)),
    h("p", { id: "conflict-state" }, `当前状态：${b.currentStatusLabel || statusLabel(b.currentStatus)}（第 ${b.version} 版）。`,
      (b.allowedActions || []).length ? `现在可以：${b.allowedActions.map((a) => ACTION_LABELS[a] || a).join("、")}。` : "现在没有可办理的操作。"),
    h("p", {}, still ? `下方「${ACTION_LABELS[action]}」表单已保留您填写的内容，核对最新办理经过后可重新提交。` : `「${ACTION_LABELS[action]}」在当前状态下已不可办理，请查看最新办理经过。`));
}

// ---------- the year's statistics ----------

export async function statisticsView() {
  const q = hashQuery();
  const year = /^\d{4}$/.test(q.year || "") ? q.year : todayInChina().slice(0, 4);
  const input = h("input", { type: "number", name: "year", id: "stats-year", min: 2000, max: 2100, value: year });
  const form = h("form", { class: "panel filters" }, field("年度", input), h("div", { class: "field" }, h("button", { type: "submit", class: "primary" }, "查看")));
  form.addEventListener("submit", (e) => { e.preventDefault(); location.hash = hashWith("/statistics", { year: input.value }); });
  const out = h("div", { id: "statistics" }, h("p", { class: "loading" }, "正在统计…"));
  show(h("h1", {}, `投诉统计 · ${year} 年`), form, out);
  let s;
  try {
    s = await api("GET", `/staff/complaint-statistics/${year}`);
  } catch (error) {
    out.replaceChildren(error.status === 403 ? forbidden(error, "投诉统计") : errorNotice(error, "统计失败"));
    return;
  }
  const pct = (x) => (x === null || x === undefined ? "—" : `${x}%`);
  const kinds = KINDS.map(([code, label]) => [label, s.receivedByKind?.[code] ?? 0]);
  out.replaceChildren(
    h("div", { class: "grid2" },
      h("section", { class: "panel chart", "aria-labelledby": "chart-h" }, h("h2", { id: "chart-h" }, "收件与办理"),
        barChart([...kinds, ["受理", s.accepted], ["办结", s.closed], ["按期办结", s.closedOnTime], ["超期未办结", s.overdueOpen]], `${year} 年收件与办理（件）`)),
      h("section", { class: "panel", "aria-labelledby": "fig-h" }, h("h2", { id: "fig-h" }, "主要数字"),
        h("dl", { class: "facts", id: "figures" },
          fact("收件", s.received), fact("其中投诉举报", s.complaintsAndReports), fact("受理率", pct(s.acceptanceRate)),
          fact("办结", s.closed), fact("按期办结率", pct(s.onTimeRate)), fact("超期未办结", s.overdueOpen),
          fact("期限待定（日历未录入）", s.openWithDeadlineUnknown), fact("多方联动会议", s.meetings), fact("解决困难诉求", s.difficultiesResolved),
          fact("评价", s.rated), fact("结果满意率", pct(s.resultSatisfactionRate)), fact("服务满意率", pct(s.serviceSatisfactionRate)),
          fact("平均办结用时（工作日）", s.averageWorkingDaysToClose ?? "—")))));
}

/** A horizontal bar chart as inline SVG, with the numbers written beside the bars. */
export function barChart(data, title) {
  const ns = "http://www.w3.org/2000/svg";
  const el = (tag, attrs, textContent) => {
    const node = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (textContent !== undefined) node.textContent = textContent;
    return node;
  };
  const rowHeight = 30, labelWidth = 110, width = 560, barMax = width - labelWidth - 60;
  const max = Math.max(1, ...data.map(([, v]) => v));
  const svg = el("svg", { viewBox: `0 0 ${width} ${data.length * rowHeight + 10}`, role: "img", "aria-labelledby": "chart-title", id: "chart" });
  svg.append(el("title", { id: "chart-title" }, `${title}：${data.map(([l, v]) => `${l} ${v}`).join("，")}`));
  data.forEach(([label, value], i) => {
    const y = i * rowHeight + 5;
    svg.append(el("text", { x: labelWidth - 8, y: y + 19, "text-anchor": "end" }, label));
    svg.append(el("rect", { x: labelWidth, y: y + 4, width: Math.max(1, (value / max) * barMax), height: rowHeight - 10, fill: i < 4 ? "#0b5cad" : "#3e7c59", rx: 2 }));
    svg.append(el("text", { x: labelWidth + (value / max) * barMax + 6, y: y + 19 }, String(value)));
  });
  return svg;
}
