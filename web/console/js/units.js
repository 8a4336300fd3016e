// 单位名录: the budget units of the county that report on their own years (GET /staff/units, read by
// evaluation and finance), and registering or changing one (PUT /staff/units/{unit}, evaluation).
// Routes: docs/report.md#units.
import { api } from "./api.js";
import { dateTime, errorNotice, field, forbidden, h, hashWith, markFieldErrors, show, table } from "./ui.js";

const KINDS = [["ADMINISTRATIVE", "行政单位"], ["PUBLIC_INSTITUTION", "事业单位"], ["TOWNSHIP", "乡镇（街道）"], ["OTHER", "其他"]];

export async function unitsView() {
  const list = h("section", { class: "panel", id: "units", "aria-labelledby": "units-h" }, h("h2", { id: "units-h" }, "已登记的单位"), h("p", { class: "loading" }, "正在加载…"));
  const message = h("div", { id: "unit-message" });
  show(h("h1", {}, "单位名录"),
    h("p", { class: "muted" }, "县内每个自行作年度绩效自评的预算单位在此登记一次；单位代码用于支出数据、年度基本数据、投诉台账和绩效自评。"),
    message, list, registerForm(list, message));
  await loadUnits(list);
}

async function loadUnits(section) {
  const heading = section.querySelector("h2");
  let answer;
  try {
    answer = await api("GET", "/staff/units");
  } catch (error) {
    section.replaceChildren(heading, error.status === 403 ? forbidden(error, "单位名录") : errorNotice(error, "无法读取单位名录"));
    return;
  }
  const units = answer.units || [];
  section.replaceChildren(heading, units.length === 0 ? h("p", { class: "muted" }, "还没有登记的单位。")
    : table(["单位代码", "全称", "归口部门", "类型", "登记人", "登记时间", "去办理"], units.map((u) =>
      h("tr", { dataset: { unit: u.unit } },
        h("td", { class: "code" }, u.unit), h("td", {}, u.fullName), h("td", {}, u.department), h("td", {}, u.kindLabel),
        h("td", {}, u.registeredBy || "—"), h("td", {}, u.registeredAt ? dateTime(u.registeredAt) : "—"),
        h("td", {}, h("a", { href: hashWith("/facts", { unit: u.unit }) }, "年度基本数据"), " · ",
          h("a", { href: hashWith("/spending", { unit: u.unit }) }, "支出数据"), " · ",
          h("a", { href: hashWith("/reports", { unit: u.unit }) }, "绩效自评")))), { id: "units-table", caption: "已登记的单位" }));
}

function registerForm(list, message) {
  const code = h("input", { type: "text", name: "unit", id: "unit-code", pattern: "[a-z0-9-]{2,40}", required: true, autocomplete: "off" });
  const fullName = h("input", { type: "text", name: "fullName", id: "unit-full-name", required: true });
  const department = h("input", { type: "text", name: "department", id: "unit-department", required: true });
  const kind = h("select", { name: "kind", id: "unit-kind" }, KINDS.map(([value, label]) => h("option", { value }, label)));
  const form = h("form", { class: "panel", id: "unit-form", "aria-labelledby": "reg-h", novalidate: true },
    h("h2", { id: "reg-h" }, "登记或修改单位"),
    h("p", { class: "muted" }, "仅绩效自评岗位（evaluation）可登记。填写已有的单位代码即修改该单位。"),
    field("单位代码", code, "小写字母、数字和连字符，如 lyyshj"), field("单位全称", fullName), field("归口部门", department), field("单位类型", kind),
    h("button", { type: "submit", class: "primary", id: "register-unit" }, "保存"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    message.replaceChildren();
    const unit = code.value.trim();
    if (!/^[a-z0-9-]{2,40}$/.test(unit)) {
      markFieldErrors(form, [{ field: "unit", message: "单位代码应为 2–40 位小写字母、数字或连字符" }]);
      return;
    }
    try {
      const saved = await api("PUT", `/staff/units/${encodeURIComponent(unit)}`, {
        body: { fullName: fullName.value.trim(), department: department.value.trim(), kind: kind.value },
      });
      markFieldErrors(form, []);
      message.replaceChildren(h("div", { class: "notice good", id: "unit-saved", role: "status" }, `已保存：${saved.unit} ${saved.fullName}（${saved.kindLabel}）。`));
      form.reset();
      await loadUnits(list);
    } catch (error) {
      message.replaceChildren(error.status === 403 ? forbidden(error, "登记单位") : errorNotice(error, "未能保存"));
      markFieldErrors(form, error.errors);
    }
  });
  return form;
}
