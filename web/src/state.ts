// The view's state, kept in the URL query string so that a view can be shared or bookmarked.
export interface Filters {
  from: string;
  to: string;
  country: string;
  actor: string;
  type: string;
  text: string;
}

export interface ViewState {
  filters: Filters;
  brush: [string, string] | null; // timeline selection, inclusive days
  article: string;
  event: string;
}

export const FILTER_NAMES: (keyof Filters)[] = ["from", "to", "country", "actor", "type", "text"];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const filters = {} as Filters;
  for (const name of FILTER_NAMES) filters[name] = q.get(name) ?? "";
  let brush: [string, string] | null = null;
  const b = (q.get("brush") ?? "").split(",");
  if (b.length === 2 && DAY.test(b[0]) && DAY.test(b[1])) brush = [b[0], b[1]];
  return { filters, brush, article: q.get("article") ?? "", event: q.get("event") ?? "" };
}

export function writeState(state: ViewState): string {
  const q = new URLSearchParams();
  for (const name of FILTER_NAMES) if (state.filters[name]) q.set(name, state.filters[name]);
  if (state.brush) q.set("brush", state.brush.join(","));
  if (state.article) q.set("article", state.article);
  if (state.event) q.set("event", state.event);
  const s = q.toString();
  return s ? "?" + s : "";
}

// The API query for the server-side filters (the brush is applied in the page).
export function apiQuery(filters: Filters): URLSearchParams {
  const q = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const v = filters[name].trim();
    if (v) q.set(name, name === "country" ? v.toUpperCase() : v);
  }
  return q;
}
