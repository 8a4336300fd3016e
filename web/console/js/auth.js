// Settings and sign-in. The console reads settings.json beside index.html (docs/console.md):
// {"apiBase": "...", "auth": {"mode": "local" | "cognito", "domain", "clientId", "redirectUri"}}.
// Locally, bin/start's sign-in page issues the token; on AWS, Cognito's hosted UI does,
// with the authorization code flow and PKCE (a public client: no secret in the page).

const SESSION = "bizenv.console.session";
const PENDING = "bizenv.console.pkce";

let settings = null;

export async function loadSettings() {
  if (settings) return settings;
  const response = await fetch(new URL("settings.json", document.baseURI), { cache: "no-store" });
  if (!response.ok) {
    throw new Error(`无法读取控制台设置 settings.json（HTTP ${response.status}）：请联系管理员发布控制台设置。`);
  }
  const read = await response.json();
  if (!read || typeof read.apiBase !== "string" || !read.auth || !["local", "cognito"].includes(read.auth.mode)) {
    throw new Error("控制台设置 settings.json 不完整：需要 apiBase 和 auth.mode（local 或 cognito）。");
  }
  settings = { ...read, apiBase: read.apiBase.replace(/\/+$/, "") };
  return settings;
}

/** The signed-in staff member, or null when nobody is signed in or the token has expired. */
export function session() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(SESSION) || "null");
    if (!stored || !stored.token) return null;
    if (stored.expiresAt && Date.now() > stored.expiresAt - 30_000) {
      sessionStorage.removeItem(SESSION);
      return null;
    }
    return stored;
  } catch {
    return null;
  }
}

export function hasGroup(group) {
  const s = session();
  return !!s && (s.groups || []).includes(group);
}

/** Leaves the page for the sign-in (local page or Cognito's hosted UI); comes back to `where`. */
export async function signIn(where = location.hash || "#/") {
  const s = await loadSettings();
  if (s.auth.mode === "local") {
    const page = s.auth.signInUrl || "/local/sign-in/";
    location.assign(`${page}?return=${encodeURIComponent(location.pathname + where)}`);
    return;
  }
  const verifier = randomText(48);
  const state = randomText(24);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, where }));
  const challenge = base64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  const url = new URL("/oauth2/authorize", cognitoBase(s));
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: s.auth.clientId,
    redirect_uri: redirectUri(s),
    scope: "openid profile email",
    state,
    code_challenge_method: "S256",
    code_challenge: challenge,
    lang: "zh-CN", // managed login in Chinese (docs/deploy.md)
  }).toString();
  location.assign(url.toString());
}

/**
 * On the way back from Cognito (?code=…&state=…): exchanges the code for tokens and keeps the ID
 * token (its audience is the app client, as the HTTP API's JWT authorizer expects; it carries
 * name and cognito:groups). Answers the hash to show next, or null when this is no callback.
 */
export async function completeSignIn() {
  const query = new URLSearchParams(location.search);
  if (!query.has("code") && !query.has("error")) return null;
  const s = await loadSettings();
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || "null");
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, "", location.pathname + (pending?.where || "#/"));
  if (query.has("error")) {
    throw new Error(`登录未完成：${query.get("error_description") || query.get("error")}`);
  }
  if (s.auth.mode !== "cognito" || !pending || pending.state !== query.get("state")) {
    throw new Error("登录回调无效（状态不符），请重新登录。");
  }
  const response = await fetch(new URL("/oauth2/token", cognitoBase(s)), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      client_id: s.auth.clientId,
      code: query.get("code"),
      redirect_uri: redirectUri(s),
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) {
    throw new Error(`登录失败：身份认证服务拒绝了授权码（HTTP ${response.status}），请重新登录。`);
  }
  const tokens = await response.json();
  const claims = decodeClaims(tokens.id_token);
  sessionStorage.setItem(SESSION, JSON.stringify({
    token: tokens.id_token,
    name: claims.name || claims["cognito:username"] || claims.email || claims.sub,
    sub: claims.sub,
    groups: claims["cognito:groups"] || [],
    units: listClaim(claims.units ?? claims["custom:units"]),
    expiresAt: (claims.exp || 0) * 1000,
  }));
  return pending.where || "#/";
}

export async function signOut() {
  const s = await loadSettings();
  sessionStorage.removeItem(SESSION);
  if (s.auth.mode === "cognito") {
    const url = new URL("/logout", cognitoBase(s));
    url.search = new URLSearchParams({ client_id: s.auth.clientId, logout_uri: redirectUri(s) }).toString();
    location.assign(url.toString());
  } else {
    await signIn("#/");
  }
}

function cognitoBase(s) {
  const domain = s.auth.domain || "";
  return domain.startsWith("https://") ? domain : `https://${domain}`;
}

function redirectUri(s) {
  return s.auth.redirectUri || new URL(".", document.baseURI).toString();
}

function randomText(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64url(buffer) {
  const bytes = new Uint8Array(buffer);
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decodeClaims(jwt) {
  const part = (jwt || "").split(".")[1] || "";
  const padded = part.replace(/-/g, "+").replace(/_/g, "/");
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function listClaim(value) {
  if (Array.isArray(value)) return value;
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  return [];
}
