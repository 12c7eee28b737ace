// Calls to the sitrep API; every error surfaces as an Error carrying the server's message.
import type { AlertReport, ArticleView, EventList } from "./types";

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* a non-JSON body: fall through to the status */
  }
  if (!res.ok) {
    const message = (body as { error?: string } | null)?.error ?? res.statusText;
    throw new Error(`${res.status}: ${message}`);
  }
  return body as T;
}

export function fetchEvents(query: URLSearchParams): Promise<EventList> {
  const q = new URLSearchParams(query);
  q.set("limit", "10000");
  return getJson<EventList>("api/events?" + q.toString());
}

export function fetchArticle(id: string): Promise<ArticleView> {
  return getJson<ArticleView>("api/articles/" + encodeURIComponent(id));
}

export function fetchAlerts(query: URLSearchParams): Promise<AlertReport> {
  return getJson<AlertReport>("api/alerts?" + query.toString());
}
