// The article view: the normalized body with each event's evidence sentence highlighted. The
// API's spans are byte offsets into the UTF-8 body, so slicing works on the encoded bytes.
import type { ArticleView } from "./types";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface Span {
  start: number;
  end: number;
  eventIds: string[];
  label: string;
}

// Sorted, and overlapping spans merged, so that marks never nest.
function mergedSpans(view: ArticleView, length: number): Span[] {
  const spans = view.spans
    .filter((s) => s.start < s.end && s.end <= length)
    .map((s) => ({ start: s.start, end: s.end, eventIds: [s.event_id], label: s.acled_type ?? `CAMEO ${s.cameo}` }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.eventIds.push(...s.eventIds);
      if (!last.label.includes(s.label)) last.label += `; ${s.label}`;
    } else {
      out.push({ ...s });
    }
  }
  return out;
}

export function renderArticle(container: HTMLElement, view: ArticleView, selectedEvent: string): HTMLElement | null {
  const bytes = encoder.encode(view.body);
  const text = (a: number, b: number) => document.createTextNode(decoder.decode(bytes.subarray(a, b)));
  container.replaceChildren();
  let pos = 0;
  let selected: HTMLElement | null = null;
  for (const s of mergedSpans(view, bytes.length)) {
    if (s.start > pos) container.append(text(pos, s.start));
    const mark = document.createElement("mark");
    mark.className = "evidence";
    mark.dataset.eventIds = s.eventIds.join(" ");
    mark.title = s.label;
    mark.append(text(s.start, s.end));
    if (s.eventIds.includes(selectedEvent)) {
      mark.classList.add("selected");
      selected = mark;
    }
    container.append(mark);
    pos = s.end;
  }
  if (pos < bytes.length) container.append(text(pos, bytes.length));
  return selected;
}
