#include "base/event.h"

#include <nlohmann/json.hpp>

namespace sitrep {
namespace {

using nlohmann::json;

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
template <class T>
json OrNull(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json ActorJson(const std::optional<Actor>& a) {
  if (!a) return nullptr;
  return {{"text", a->text}, {"code", a->code}, {"country", OrNull(a->country)},
          {"sector", OrNull(a->sector)}};
}

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

template <class T>
std::optional<T> Opt(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<T>();
}

std::optional<Actor> ActorFrom(const json& j) {
  if (!j.is_object()) return std::nullopt;
  return Actor{Str(j, "text"), Str(j, "code"), Str(j, "country"), Str(j, "sector")};
}

}  // namespace

json ToJson(const Event& e) {
  json j;
  j["id"] = e.id;
  j["date"] = e.date.begin.Iso();
  j["date_end"] = e.date.end.Iso();
  j["date_precision"] = std::string(PrecisionName(e.date.precision));
  j["source"] = ActorJson(e.source);
  j["target"] = ActorJson(e.target);
  j["cameo"] = e.cameo;
  j["root"] = e.root;
  j["quad_class"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  j["acled_type"] = OrNull(e.acled_type);
  j["acled_subtype"] = OrNull(e.acled_subtype);
  if (e.location) {
    const Location& l = *e.location;
    j["location"] = {{"text", l.text},   {"country", OrNull(l.country)},
                     {"admin1", OrNull(l.admin1)}, {"lat", l.lat},
                     {"lon", l.lon},     {"precision", l.precision}};
  } else {
    j["location"] = nullptr;
  }
  j["fatalities"] = OrNull(e.fatalities);
  j["injuries"] = OrNull(e.injuries);
  if (e.weapon)
    j["weapon"] = {{"kind", e.weapon->kind}, {"count", OrNull(e.weapon->count)}};
  else
    j["weapon"] = nullptr;
  j["evidence"] = {{"sentence", e.evidence.sentence}, {"start", e.evidence.start},
                   {"end", e.evidence.end}};
  j["attributed_to"] = OrNull(e.attributed_to);
  const ArticleRef& a = e.article;
  j["article"] = {{"id", a.id},
                  {"title", OrNull(a.title)},
                  {"url", OrNull(a.url)},
                  {"published", a.published ? json(a.published->Iso()) : json(nullptr)},
                  {"outlet", OrNull(a.outlet)},
                  {"author", OrNull(a.author)}};
  j["confidence"] = e.confidence;
  j["num_sources"] = e.num_sources;
  j["num_articles"] = e.num_articles;
  return j;
}

Result<Event> EventFromJson(const json& j) {
  if (!j.is_object()) return Error{"event is not a JSON object"};
  try {
    Event e;
    e.id = Str(j, "id");
    auto begin = Date::ParseIso(Str(j, "date"));
    if (!begin) return Error{"event has no valid date"};
    auto end = Date::ParseIso(Str(j, "date_end"));
    e.date.begin = *begin;
    e.date.end = end ? *end : *begin;
    e.date.precision = ParsePrecision(Str(j, "date_precision")).value_or(DatePrecision::kDay);
    if (j.contains("source")) e.source = ActorFrom(j["source"]);
    if (j.contains("target")) e.target = ActorFrom(j["target"]);
    e.cameo = Str(j, "cameo");
    e.root = Str(j, "root");
    e.quad_class = j.value("quad_class", 0);
    e.goldstein = j.value("goldstein", 0.0);
    e.acled_type = Opt<std::string>(j, "acled_type");
    e.acled_subtype = Opt<std::string>(j, "acled_subtype");
    if (auto it = j.find("location"); it != j.end() && it->is_object()) {
      const json& l = *it;
      e.location = Location{Str(l, "text"),       Str(l, "country"),        Str(l, "admin1"),
                            l.value("lat", 0.0), l.value("lon", 0.0), Str(l, "precision")};
    }
    e.fatalities = Opt<int>(j, "fatalities");
    e.injuries = Opt<int>(j, "injuries");
    if (auto it = j.find("weapon"); it != j.end() && it->is_object())
      e.weapon = Weapon{Str(*it, "kind"), Opt<int>(*it, "count")};
    if (auto it = j.find("evidence"); it != j.end() && it->is_object())
      e.evidence = {Str(*it, "sentence"), it->value("start", size_t{0}), it->value("end", size_t{0})};
    e.attributed_to = Opt<std::string>(j, "attributed_to");
    if (auto it = j.find("article"); it != j.end() && it->is_object()) {
      const json& a = *it;
      e.article = {Str(a, "id"), Str(a, "title"), Str(a, "url"),
                   Date::ParseIso(Str(a, "published")), Str(a, "outlet"), Str(a, "author")};
    }
    e.confidence = j.value("confidence", 0.0);
    e.num_sources = j.value("num_sources", 1);
    e.num_articles = j.value("num_articles", 1);
    return e;
  } catch (const json::exception& ex) {
    return Error{std::string("malformed event: ") + ex.what()};
  }
}

}  // namespace sitrep
