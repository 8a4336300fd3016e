// 工作日历: the year's working-day calendar that the complaint deadlines are counted on, as the State
// Council's notice gives it (days off as named ranges, the weekend days worked instead): read it,
// save a new version (complaint-officer), and have a second officer confirm it.
// Routes: docs/complaints.md#working-day-calendars-staff-managed-data.
import { api } from "./api.js";
import { dateTime, errorNotice, field, forbidden, h, hashQuery, hashWith, markFieldErrors, show, table, todayInChina } from "./ui.js";

export async function calendarsView() {
  const q = hashQuery();
  const year = /^\d{4}$/.test(q.year || "") ? q.year : String(Number(todayInChina().slice(0, 4)) + 1);
  const yearInput = h("input", { type: "number", name: "year", id: "calendar-year", value: year, min: 2000, max: 2100 });
  const pick = h("form", { class: "panel filters", "aria-label": "年度" }, field("年度", yearInput),
    h("div", { class: "field" }, h("button", { type: "submit", class: "primary" }, "查看")));
  pick.addEventListener("submit", (e) => { e.preventDefault(); location.hash = hashWith("/calendars", { year: yearInput.value }); });
  const out = h("div", { id: "calendar" }, h("p", { class: "loading" }, "正在加载…"));
  show(h("h1", {}, `工作日历 · ${year} 年`), pick, out);
  await load(out, year, null);
}

async function load(out, year, notice) {
  let calendar = null;
  try {
    calendar = await api("GET", `/staff/calendars/${year}`);
  } catch (error) {
    if (error.status === 403) {
      out.replaceChildren(forbidden(error, "工作日历"));
      return;
    }
    if (error.code !== "CALENDAR_NOT_FOUND") {
      out.replaceChildren(errorNotice(error, "无法读取工作日历"));
      return;
    }
  }
  out.replaceChildren(notice || "", summary(calendar, year), editForm(out, year, calendar));
  if (calendar) out.append(confirmPanel(out, year, calendar));
}

function summary(c, year) {
  if (!c) {
    return h("div", { class: "notice warn", id: "calendar-state" },
      h("p", {}, `${year} 年还没有工作日历：这一年的办理期限无法按工作日计算，案件显示“期限待定”。请按国务院办公厅当年的节假日安排通知录入。`));
  }
  return h("section", { class: "panel", id: "calendar-state", "aria-labelledby": "cal-h" },
    h("h2", { id: "cal-h" }, c.origin === "SHIPPED" ? "随系统提供的日历（第 0 版）" : `第 ${c.version} 版`,
      " ", h("span", { class: `badge ${c.confirmed ? "good" : "warn"}` }, c.confirmed ? "已复核" : "未复核")),
    h("dl", { class: "facts" },
      h("dt", {}, "依据"), h("dd", {}, c.source || "—"),
      h("dt", {}, "说明"), h("dd", {}, c.note || "—"),
      h("dt", {}, "录入"), h("dd", {}, c.savedBy ? `${c.savedBy}，${dateTime(c.savedAt)}` : "—")),
    h("h3", {}, "放假"),
    table(["节日", "从", "到", h("th", { class: "num" }, "天数")], (c.daysOff || []).map((d) =>
      h("tr", {}, h("td", {}, d.name), h("td", {}, d.from), h("td", {}, d.to), h("td", { class: "num" }, d.days ?? "—"))), { id: "days-off", caption: "放假" }),
    h("h3", {}, "调休上班的周末"),
    h("p", { id: "weekend-working-days" }, (c.weekendWorkingDays || []).join("、") || "无"),
    c.versions?.length ? h("p", { class: "muted" }, "各版本：", c.versions.map((v) => `第 ${v.version} 版（${v.savedBy}${v.confirmed ? "，已复核" : ""}）`).join("；")) : null);
}

function dayOffRow(list, index, d = {}) {
  // list: the rows' container, renumbered when a row is removed
  const row = h("fieldset", { class: "row day-off" }, h("legend", {}, `第 ${index + 1} 段`),
    field("节日", h("input", { type: "text", name: `daysOff[${index}].name`, value: d.name || "", placeholder: "如 春节" })),
    field("从", h("input", { type: "text", name: `daysOff[${index}].from`, value: d.from || "", placeholder: "YYYY-MM-DD", inputmode: "numeric" })),
    field("到", h("input", { type: "text", name: `daysOff[${index}].to`, value: d.to || "", placeholder: "YYYY-MM-DD", inputmode: "numeric" })),
    h("button", { type: "button", class: "remove" }, "删除此段"));
  row.querySelector(".remove").addEventListener("click", () => { row.remove(); renumber(list); list.querySelector("input")?.focus(); });
  return row;
}

function renumber(list) {
  [...list.querySelectorAll("fieldset.day-off")].forEach((row, i) => {
    row.querySelector("legend").textContent = `第 ${i + 1} 段`;
    for (const input of row.querySelectorAll("input")) input.name = input.name.replace(/^daysOff\[\d+\]/, `daysOff[${i}]`);
  });
}

function editForm(out, year, c) {
  const based = c ? c.version : 0;
  const source = h("input", { type: "text", name: "source", id: "calendar-source", value: c?.source || "", placeholder: `国务院办公厅关于${year}年部分节假日安排的通知` });
  const note = h("input", { type: "text", name: "note", id: "calendar-note", value: c?.note || "" });
  const list = h("div", { id: "days-off-rows" });
  (c?.daysOff || []).forEach((d, i) => list.append(dayOffRow(list, i, d)));
  const add = h("button", { type: "button", id: "add-day-off" }, "添加一段放假");
  add.addEventListener("click", () => {
    const row = dayOffRow(list, list.querySelectorAll("fieldset.day-off").length);
    list.append(row);
    row.querySelector("input").focus();
  });
  const weekend = h("input", { type: "text", name: "weekendWorkingDays", id: "calendar-weekend", value: (c?.weekendWorkingDays || []).join(" "), placeholder: "YYYY-MM-DD，多个用空格分隔" });
  const message = h("div", { id: "calendar-message" });
  const form = h("form", { class: "panel", id: "calendar-form", "aria-labelledby": "edit-h", novalidate: true },
    h("h2", { id: "edit-h" }, c ? `修改（以第 ${based} 版为底稿，保存为新版本）` : "录入"),
    field("依据（通知名称和文号）", source), field("说明", note),
    h("h3", {}, "放假（含其中的周末）"), list, h("div", { class: "row" }, add),
    field("调休上班的周末", weekend, "每个日期 YYYY-MM-DD，多个用空格分隔"),
    h("button", { type: "submit", class: "primary", id: "save-calendar" }, "保存为新版本"), message);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    message.replaceChildren();
    const daysOff = [...list.querySelectorAll("fieldset.day-off")].map((row) => {
      const [name, from, to] = [...row.querySelectorAll("input")].map((i) => i.value.trim());
      return { name, from, to };
    });
    const body = { source: source.value.trim(), note: note.value.trim(), version: based, daysOff,
      weekendWorkingDays: weekend.value.split(/[\s,，、]+/).filter(Boolean) };
    try {
      const saved = await api("PUT", `/staff/calendars/${year}`, { body });
      await load(out, year, h("div", { class: "notice good", id: "calendar-saved", role: "status" },
        saved.unchanged ? `与第 ${saved.version} 版相同，未产生新版本。` : `已保存为第 ${saved.version} 版，需另一位办理人员复核。`));
    } catch (error) {
      if (error.code === "CALENDAR_VERSION_CONFLICT") {
        message.replaceChildren(h("div", { class: "notice warn", role: "alert", id: "conflict" },
          h("p", {}, error.message, " ", h("span", { class: "code" }, error.code)),
          h("p", {}, `现在最新的是第 ${error.body.currentVersion} 版；您填写的内容未保存。`),
          h("button", { type: "button", onclick: () => load(out, year, null) }, "查看最新版本")));
        return;
      }
      message.replaceChildren(errorNotice(error, "未能保存"));
      // a field such as weekendWorkingDays[1] is shown on the one input that holds the list
      markFieldErrors(form, (error.errors || []).map((x) => ({ ...x, field: String(x.field || "").replace(/^weekendWorkingDays\[\d+\]$/, "weekendWorkingDays") })));
    }
  });
  return form;
}

function confirmPanel(out, year, c) {
  if (c.confirmed || c.origin === "SHIPPED") return h("div");
  const button = h("button", { type: "button", class: "primary", id: "confirm-calendar" }, `复核无误，确认第 ${c.version} 版`);
  const message = h("div", { id: "confirm-message" });
  button.addEventListener("click", async () => {
    try {
      await api("POST", `/staff/calendars/${year}/confirmation`, { body: { version: c.version } });
      await load(out, year, h("div", { class: "notice good", id: "calendar-confirmed", role: "status" }, `第 ${c.version} 版已复核确认。`));
    } catch (error) {
      message.replaceChildren(errorNotice(error, "未能确认"));
    }
  });
  return h("section", { class: "panel", "aria-labelledby": "confirm-h" }, h("h2", { id: "confirm-h" }, "复核"),
    h("p", { class: "muted" }, "对照通知原文逐项核对后确认；录入人不能复核自己录入的版本。"), button, message);
}
