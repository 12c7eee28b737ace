// EventLocation: which of an article's places an event happened at.
#include <algorithm>
#include <cmath>

#include "geo/geocoder.h"

namespace sitrep {
namespace {

int Rank(const Location& l) {
  if (l.precision == "site") return 4;
  if (l.precision == "city") return 3;
  if (l.precision == "admin1") return 2;
  if (l.precision == "region") return 2;
  return 1;
}

double Km(const Location& a, const Location& b) {
  constexpr double kRad = M_PI / 180;
  double x = (b.lon - a.lon) * kRad * std::cos((a.lat + b.lat) / 2 * kRad);
  double y = (b.lat - a.lat) * kRad;
  return 6371.0 * std::sqrt(x * x + y * y);
}

// Whether `inner` lies inside `outer`, as far as the gazetteer can tell.
bool Nested(const Location& inner, const Location& outer) {
  if (Rank(inner) <= Rank(outer)) return false;
  if (outer.precision == "country") return inner.country == outer.country || inner.country.empty();
  if (outer.precision == "admin1" || outer.precision == "region")
    return (inner.country == outer.country && !inner.admin1.empty() &&
            inner.admin1 == outer.admin1) ||
           Km(inner, outer) < 200;
  return Km(inner, outer) < 40;  // a site in or at a city
}

uint32_t Gap(const PlaceMention& m, uint32_t near) {
  if (near >= m.start && near < m.end) return 0;
  return near < m.start ? m.start - near : near - m.end;
}

bool InSentence(const PlaceMention& m, const AnalyzedText& text, uint32_t sentence) {
  if (sentence < text.sentences.size()) {
    const Sentence& s = text.sentences[sentence];
    return m.start >= s.start && m.start < s.end;
  }
  return m.sentence == sentence;
}

uint32_t ParagraphAt(const ArticlePlaces& places, uint32_t offset) {
  const auto& p = places.paragraph_starts;
  auto it = std::upper_bound(p.begin(), p.end(), offset);
  return it == p.begin() ? 0 : static_cast<uint32_t>(it - p.begin() - 1);
}

// In the event's sentence: places named as where things happen ("in", "at", "near") before
// places named as subjects, then the nearest; then the most precise place nested in it.
std::optional<Location> FromSentence(const std::vector<const PlaceMention*>& in, uint32_t near) {
  if (in.empty()) return std::nullopt;
  const PlaceMention* best = nullptr;
  for (const PlaceMention* m : in) {
    auto key = [&](const PlaceMention* x) {
      bool weak_subject = !x->locative && x->location.precision == "country";
      return std::make_tuple(x->relative, weak_subject, Gap(*x, near));
    };
    if (!best || key(m) < key(best)) best = m;
  }
  Location chosen = best->location;
  for (bool changed = true; changed;) {
    changed = false;
    for (const PlaceMention* m : in)
      if (!m->relative && Nested(m->location, chosen)) {
        chosen = m->location;
        changed = true;
      }
  }
  return chosen;
}

}  // namespace

std::optional<Location> EventLocation(const ArticlePlaces& places, const AnalyzedText& text,
                                      uint32_t sentence, uint32_t near) {
  std::vector<const PlaceMention*> mentions;
  mentions.reserve(places.mentions.size());
  for (const PlaceMention& m : places.mentions) mentions.push_back(&m);
  return EventLocation(places, mentions, text, sentence, near);
}

std::optional<Location> EventLocation(const ArticlePlaces& places,
                                      std::span<const PlaceMention* const> mentions,
                                      const AnalyzedText& text, uint32_t sentence, uint32_t near) {
  std::vector<const PlaceMention*> in_sentence;
  for (const PlaceMention* m : mentions)
    if (!m->modifier && InSentence(*m, text, sentence)) in_sentence.push_back(m);
  if (auto l = FromSentence(in_sentence, near)) return l;

  uint32_t sentence_start = near, sentence_end = near + 1;
  if (sentence < text.sentences.size()) {
    sentence_start = text.sentences[sentence].start;
    sentence_end = text.sentences[sentence].end;
  }
  uint32_t paragraph = ParagraphAt(places, sentence_start);
  const PlaceMention* before = nullptr;    // last place before, same paragraph
  const PlaceMention* previous = nullptr;  // last non-country place of the paragraph before
  for (const PlaceMention* m : mentions) {
    if (m->start >= sentence_start) break;
    if (m->modifier || m->relative) continue;
    uint32_t p = ParagraphAt(places, m->start);
    if (p == paragraph)
      before = m;
    else if (p + 1 == paragraph && m->location.precision != "country")
      previous = m;
  }
  if (before) return before->location;

  // "near the same city": the last place of the kind it points back at.
  for (const PlaceAnaphor& a : places.anaphors) {
    if (a.start < sentence_start || a.start >= sentence_end) continue;
    const PlaceMention* found = nullptr;
    for (const PlaceMention* m : mentions) {
      if (m->start >= a.start) break;
      if (m->modifier || m->relative) continue;
      if (a.wants.empty() ? m->location.precision != "country" : m->location.precision == a.wants)
        found = m;
    }
    if (found) return found->location;
  }
  // A paragraph that names no place usually goes on about the place of the one before.
  if (previous && previous->location.country == places.focus_country) return previous->location;
  return places.focus;
}

}  // namespace sitrep
