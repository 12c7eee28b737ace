// The map: Natural Earth countries (world-atlas, bundled) as an offline basemap, and one marker
// per located event, shaped and coloured by ACLED type and sized by fatalities.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import countriesUrl from "world-atlas/countries-50m.json?url";
import type { SitrepEvent } from "./types";
import { OTHER, SYMBOLS, sizeFor, slug, symbolFor } from "./symbols";

// Precise places are drawn above vague ones, so a country-level symbol never hides a site.
const PRECISION_Z: Record<string, number> = { site: 4000, city: 3000, admin1: 2000, region: 1000, country: 0 };

export class EventMap {
  private map: L.Map;
  private markers = L.layerGroup();
  private fitted = false;

  constructor(
    element: HTMLElement,
    private onSelect: (event: SitrepEvent) => void,
  ) {
    this.map = L.map(element, { worldCopyJump: true, preferCanvas: false, attributionControl: true });
    this.map.setView([33, 44], 5);
    this.map.attributionControl.setPrefix(false).addAttribution("Basemap: Natural Earth");
    this.markers.addTo(this.map);
    void this.loadBasemap();
  }

  private async loadBasemap(): Promise<void> {
    const res = await fetch(countriesUrl);
    const topo = (await res.json()) as Topology<{ countries: GeometryCollection }>;
    const countries = feature(topo, topo.objects.countries);
    const layer = L.geoJSON(countries, {
      style: { color: "#8a9ba8", weight: 0.7, fillColor: "#eef1e6", fillOpacity: 1 },
      interactive: false,
    });
    layer.addTo(this.map);
    layer.bringToBack();
    document.getElementById("map")?.setAttribute("data-basemap", "loaded");
  }

  show(events: SitrepEvent[], selectedId: string): void {
    this.markers.clearLayers();
    const points: L.LatLngExpression[] = [];
    for (const e of events) {
      if (!e.location) continue;
      const { lat, lon } = e.location;
      const sym = symbolFor(e.acled_type);
      const size = sizeFor(e.fatalities);
      const place = e.location.text || `${lat.toFixed(2)}, ${lon.toFixed(2)}`;
      const html =
        `<div class="ev-shape ev-${sym.shape}${e.id === selectedId ? " selected" : ""}" ` +
        `style="--c:${sym.color};width:${size}px;height:${size}px" ` +
        `data-event-id="${escapeAttr(e.id)}" data-lat="${lat}" data-lon="${lon}" ` +
        `data-place="${escapeAttr(place)}" data-type="${slug(e.acled_type ?? "other")}"></div>`;
      const icon = L.divIcon({ className: "ev-marker", html, iconSize: [size, size] });
      const title = `${e.date} · ${e.cameo} · ${place}` + (e.fatalities ? ` · ${e.fatalities} killed` : "");
      const marker = L.marker([lat, lon], {
        icon,
        title,
        keyboard: true,
        riseOnHover: true,
        zIndexOffset: PRECISION_Z[e.location.precision] ?? 0,
      });
      marker.on("click", () => this.onSelect(e));
      marker.addTo(this.markers);
      points.push([lat, lon]);
    }
    if (points.length && !this.fitted) {
      this.map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 7 });
      this.fitted = true;
    }
  }

  resize(): void {
    this.map.invalidateSize();
  }
}

export function renderLegend(element: HTMLElement): void {
  const items = [...Object.values(SYMBOLS), OTHER]
    .map(
      (s) =>
        `<li><span class="ev-shape ev-${s.shape}" style="--c:${s.color};width:12px;height:12px"></span>${s.label}</li>`,
    )
    .join("");
  element.innerHTML = `<ul>${items}</ul><p>size: fatalities</p>`;
}

export function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
