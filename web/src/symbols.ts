// How an event looks: a shape and colour by ACLED type, a size by fatalities.
export interface Symbol {
  shape: "circle" | "diamond" | "triangle" | "square" | "ring" | "dot";
  color: string;
  label: string;
}

export const SYMBOLS: Record<string, Symbol> = {
  Battles: { shape: "circle", color: "#c0392b", label: "Battles" },
  "Explosions/Remote violence": { shape: "diamond", color: "#e67e22", label: "Explosions/Remote violence" },
  "Violence against civilians": { shape: "triangle", color: "#8e44ad", label: "Violence against civilians" },
  Protests: { shape: "square", color: "#2471a3", label: "Protests" },
  Riots: { shape: "square", color: "#16a085", label: "Riots" },
  "Strategic developments": { shape: "ring", color: "#7f8c8d", label: "Strategic developments" },
};

export const OTHER: Symbol = { shape: "dot", color: "#34495e", label: "Not an ACLED type" };

export function symbolFor(acledType: string | null): Symbol {
  return (acledType && SYMBOLS[acledType]) || OTHER;
}

// Area grows with fatalities, so the radius grows with their square root; capped.
export function sizeFor(fatalities: number | null): number {
  const f = Math.max(0, fatalities ?? 0);
  return Math.min(44, Math.round(12 + 5 * Math.sqrt(f)));
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
