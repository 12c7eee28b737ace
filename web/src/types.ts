// The shapes the API returns (see public/openapi.json); only the fields the dashboard reads.
export interface Actor {
  text: string;
  code: string;
  country: string;
  sector: string;
}

export interface EventLocation {
  text: string;
  country: string;
  admin1: string;
  lat: number;
  lon: number;
  precision: string;
}

export interface SitrepEvent {
  id: string;
  date: string;
  date_end: string;
  source: Actor | null;
  target: Actor | null;
  cameo: string;
  goldstein: number;
  acled_type: string | null;
  acled_subtype: string | null;
  location: EventLocation | null;
  fatalities: number | null;
  evidence: { sentence: string; start: number; end: number };
  article: { id: string; title: string; outlet: string; published: string | null };
  num_sources?: number;
}

export interface EventList {
  total: number;
  events: SitrepEvent[];
}

export interface ArticleView {
  article: { id: string; title: string; outlet: string; author: string; published: string | null; url: string | null };
  body: string;
  events: SitrepEvent[];
  spans: { event_id: string; start: number; end: number; cameo: string; acled_type: string | null }[];
}

export interface AlertReason {
  kind: string;
  level: string;
  text: string;
}

export interface Alert {
  scope: string;
  key: string;
  level: string;
  reasons: AlertReason[];
  recent_events?: number;
  recent_fatalities?: number;
}

export interface AlertReport {
  as_of: string | null;
  alerts: Alert[];
}
