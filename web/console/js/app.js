// The console's shell: settings, sign-in, the workspace navigation and a hash router (static
// hosting needs no rewrite rules: every view is /console/#/…).
import { completeSignIn, loadSettings, session, signIn, signOut } from "./auth.js";
import { h, show } from "./ui.js";
import { caseView, queueView, statisticsView } from "./officers.js";
import { financeView, submissionView } from "./finance.js";
import { reportsView } from "./evaluation.js";
import { factsView } from "./facts.js";
import { ledgerView } from "./ledger.js";
import { unitsView } from "./units.js";
import { calendarsView } from "./calendars.js";

const ROUTES = [
  [/^\/complaints\/([^/?]+)$/, (m) => caseView(decodeURIComponent(m[1])), "complaints"],
  [/^\/complaints$/, () => queueView(), "complaints"],
  [/^\/statistics$/, () => statisticsView(), "statistics"],
  [/^\/spending\/submissions\/([^/?]+)$/, (m) => submissionView(decodeURIComponent(m[1])), "spending"],
  [/^\/spending$/, () => financeView(), "spending"],
  [/^\/reports$/, () => reportsView(), "reports"],
  [/^\/facts$/, () => factsView(), "facts"],
  [/^\/ledger$/, () => ledgerView(), "ledger"],
  [/^\/units$/, () => unitsView(), "units"],
  [/^\/calendars$/, () => calendarsView(), "calendars"],
];

function home(who) {
  const groups = who.groups || [];
  if (groups.includes("complaint-officer")) return "#/complaints";
  if (groups.includes("finance")) return "#/spending";
  if (groups.includes("evaluation")) return "#/reports";
  return "#/complaints";
}

async function route() {
  const who = session();
  if (!who) {
    show(h("p", { class: "loading" }, "正在转到登录页…"));
    await signIn();
    return;
  }
  document.getElementById("who").textContent = `${who.name}（${(who.groups || []).join("、") || "无岗位"}${who.units?.length ? `；单位 ${who.units.join("、")}` : ""}）`;
  document.getElementById("sign-out").hidden = false;
  const path = (location.hash.replace(/^#/, "") || "/").split("?")[0];
  const found = ROUTES.map(([pattern, view, workspace]) => [pattern.exec(path), view, workspace]).find(([m]) => m);
  if (!found) {
    location.replace(home(who));
    return;
  }
  const [match, view, workspace] = found;
  for (const link of document.querySelectorAll("#nav a")) {
    if (link.dataset.workspace === workspace) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  try {
    await view(match);
  } catch (error) {
    console.error(error);
    show(h("div", { class: "notice bad", role: "alert", id: "error" }, h("h2", {}, "页面出错"), h("p", {}, String(error.message || error))));
  }
}

async function start() {
  document.getElementById("sign-out").addEventListener("click", () => signOut());
  try {
    await loadSettings();
    await completeSignIn(); // on the way back from Cognito: keeps the token, restores the view
  } catch (error) {
    show(h("div", { class: "notice bad", role: "alert", id: "error" }, h("h2", {}, "无法登录"), h("p", {}, error.message),
      h("button", { type: "button", onclick: () => signIn("#/") }, "重新登录")));
    return;
  }
  window.addEventListener("hashchange", route);
  await route();
}

start();
