// The event table: one row per event (date, source, CAMEO, target, ACLED, place, fatalities,
// number of sources); clicking a row opens the event's article.
import type { Actor, SitrepEvent } from "./types";

const MAX_ROWS = 2000; // beyond this the table says how many it left out

function actor(a: Actor | null): string {
  if (!a) return "—";
  return a.code ? `${a.code}` : a.text;
}

function cell(row: HTMLTableRowElement, text: string, title?: string, className?: string): void {
  const td = row.insertCell();
  td.textContent = text;
  if (title) td.title = title;
  if (className) td.className = className;
}

export function renderTable(
  body: HTMLTableSectionElement,
  events: SitrepEvent[],
  selectedId: string,
  onSelect: (event: SitrepEvent) => void,
): void {
  body.replaceChildren();
  for (const e of events.slice(0, MAX_ROWS)) {
    const row = body.insertRow();
    row.dataset.eventId = e.id;
    row.tabIndex = 0;
    if (e.id === selectedId) row.classList.add("selected");
    cell(row, e.date_end && e.date_end !== e.date ? `${e.date}…${e.date_end}` : e.date);
    cell(row, actor(e.source), e.source?.text);
    cell(row, e.cameo, `Goldstein ${e.goldstein}`);
    cell(row, actor(e.target), e.target?.text);
    cell(row, e.acled_type ?? "—", e.acled_subtype ?? undefined);
    cell(row, e.location?.text ?? "—", e.location ? `${e.location.lat}, ${e.location.lon}` : undefined);
    cell(row, e.fatalities == null ? "" : String(e.fatalities), undefined, "num");
    cell(row, String(e.num_sources ?? 1), undefined, "num");
    row.addEventListener("click", () => onSelect(e));
    row.addEventListener("keydown", (k) => {
      if (k.key === "Enter") onSelect(e);
    });
  }
  if (events.length > MAX_ROWS) {
    const row = body.insertRow();
    row.className = "more";
    const td = row.insertCell();
    td.colSpan = 8;
    td.textContent = `${events.length - MAX_ROWS} more events: narrow the filters or export`;
  }
}
