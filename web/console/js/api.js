// The staff API as it is (docs/complaints.md, spending.md, report.md): JSON in and out, the staff
// token as a bearer token, refusals as {code, message, errors[]} plus what a 409 adds.
import { loadSettings, session, signIn } from "./auth.js";

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `请求失败（HTTP ${status}）`);
    this.status = status;
    this.body = body || {};
    this.code = this.body.code || (status === 403 ? "FORBIDDEN" : `HTTP_${status}`);
    this.errors = Array.isArray(this.body.errors) ? this.body.errors : [];
  }
}

async function send(method, path, { body, query, accept } = {}) {
  const s = await loadSettings();
  const who = session();
  if (!who) {
    await signIn();
    throw new ApiError(401, { code: "UNAUTHENTICATED", message: "请先登录" });
  }
  const url = new URL(s.apiBase + path);
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(name, value);
  }
  const headers = { authorization: `Bearer ${who.token}` };
  if (accept) headers.accept = accept;
  if (body !== undefined) headers["content-type"] = "application/json";
  let response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { code: "NETWORK", message: "无法连接服务器，请检查网络后重试" });
  }
  if (response.status === 401) {
    await signIn();
    throw new ApiError(401, { code: "UNAUTHENTICATED", message: "登录已过期，请重新登录" });
  }
  return response;
}

/** A JSON call; throws ApiError for any answer that is not 2xx. */
export async function api(method, path, options = {}) {
  const response = await send(method, path, options);
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { message: text };
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/** A file from the API (e.g. the template workbook), saved under the name it gives. */
export async function download(path, query, fallbackName) {
  const response = await send("GET", path, { query });
  if (!response.ok) {
    const json = await response.json().catch(() => null);
    throw new ApiError(response.status, json);
  }
  const blob = await response.blob();
  const name = fileName(response.headers.get("content-disposition")) || fallbackName;
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return name;
}

function fileName(disposition) {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

/**
 * PUTs a file to a signed link with the headers it was signed for (the browser sets
 * Content-Length itself), reporting progress as a fraction.
 */
export function putSigned(upload, file, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(upload.method || "PUT", upload.url);
    for (const [name, value] of Object.entries(upload.headers || {})) {
      if (!["content-length", "host"].includes(name.toLowerCase())) request.setRequestHeader(name, value);
    }
    request.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    request.onload = () =>
      request.status >= 200 && request.status < 300
        ? resolve(request.status)
        : reject(new ApiError(request.status, { code: "UPLOAD_REFUSED", message: `存储服务拒绝了上传（HTTP ${request.status}），请重新上传` }));
    request.onerror = () => reject(new ApiError(0, { code: "NETWORK", message: "上传中断，请检查网络后重新上传" }));
    request.send(file);
  });
}
