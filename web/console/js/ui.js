// Small DOM helpers: every text goes in as text (never as HTML).

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "class") element.className = value;
    else if (name === "dataset") Object.assign(element.dataset, value);
    else if (value === true) element.setAttribute(name, "");
    else element.setAttribute(name, value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

export function show(...children) {
  const main = document.getElementById("main");
  main.replaceChildren(...children.flat().filter(Boolean));
  return main;
}

const CHINA = "Asia/Shanghai";

export function dateTime(iso) {
  if (!iso) return "—";
  return new Date(iso).toLocaleString("zh-CN", { timeZone: CHINA, hour12: false, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
}

export function date(iso) {
  if (!iso) return "—";
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return new Date(iso).toLocaleDateString("sv-SE", { timeZone: CHINA });
}

/** Today in China, as 2026-12-06. */
export function todayInChina() {
  return new Date().toLocaleDateString("sv-SE", { timeZone: CHINA });
}

export function bytes(n) {
  if (n < 1024) return `${n} 字节`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A refusal as people read it: the message, its stable code, every field error. */
export function errorNotice(error, title = "操作未完成") {
  if (error?.status === 403) return forbidden(error);
  return h("div", { class: "notice bad", role: "alert", id: "error" },
    h("h2", {}, title),
    h("p", {}, error.message, " ", h("span", { class: "code" }, `（${error.code || "ERROR"}）`)),
    error.errors?.length ? h("ul", {}, error.errors.map((e) => h("li", {}, e.field ? `${e.field}：` : "", e.message, " ", h("span", { class: "code" }, e.code)))) : null);
}

const GROUP_LABELS = { "complaint-officer": "投诉办理（complaint-officer）", finance: "支出数据（finance）", evaluation: "绩效自评（evaluation）" };

/** A 403: what was refused and why, never a blank page. */
export function forbidden(error, what) {
  return h("div", { class: "notice bad", role: "alert", id: "forbidden" },
    h("h2", {}, "无权访问"),
    h("p", {}, what ? `您的账号没有查看「${what}」的权限。` : "您的账号没有此项操作的权限。",
      error?.message ? `服务器答复：${error.message}` : "", " ", h("span", { class: "code" }, `（${error?.code || "FORBIDDEN"}）`)),
    h("p", {}, "如需此权限，请联系管理员把您加入相应的岗位（用户组），或换用有权限的账号登录。"));
}

export function groupLabel(group) {
  return GROUP_LABELS[group] || group;
}

/** Puts field errors (field names as the API gives them) next to the form's fields. */
export function markFieldErrors(form, errors) {
  for (const old of form.querySelectorAll(".field .error")) old.remove();
  for (const old of form.querySelectorAll(".field.invalid")) old.classList.remove("invalid");
  let first = null;
  for (const e of errors || []) {
    const input = form.querySelector(`[name="${CSS.escape(e.field || "")}"]`);
    const field = input?.closest(".field");
    if (!field) continue;
    field.classList.add("invalid");
    const id = `${input.id || input.name}-error`;
    field.append(h("span", { class: "error", id }, e.message));
    input.setAttribute("aria-describedby", id);
    input.setAttribute("aria-invalid", "true");
    first ||= input;
  }
  first?.focus();
}

export function field(label, input, hint) {
  const id = input.id || (input.id = `f-${Math.random().toString(36).slice(2, 9)}`);
  return h("div", { class: "field" }, h("label", { for: id }, label), input, hint ? h("span", { class: "muted" }, hint) : null);
}

export function table(headers, rows, { caption, id } = {}) {
  return h("div", { class: "table-wrap" },
    h("table", { id },
      caption ? h("caption", { class: "sr-only" }, caption) : null,
      h("thead", {}, h("tr", {}, headers.map((x) => (typeof x === "string" ? h("th", { scope: "col" }, x) : x)))),
      h("tbody", {}, rows)));
}

/** Hash query (#/path?a=1) as an object. */
export function hashQuery() {
  const at = location.hash.indexOf("?");
  return Object.fromEntries(new URLSearchParams(at < 0 ? "" : location.hash.slice(at + 1)));
}

export function hashWith(path, query) {
  const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== "" && v !== false));
  const text = q.toString();
  return `#${path}${text ? `?${text}` : ""}`;
}

export function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
