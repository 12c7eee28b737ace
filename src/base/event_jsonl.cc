// One event as a line of JSON, written straight into a string. Byte for byte the text of
// ToJson(e).dump(-1, ' ', false, replace) — keys in sorted order, nlohmann's number and escape
// rules — without building the DOM: that tree of maps cost ~120,000 instructions per event,
// more than reading and coding the sentence that produced it.
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "base/event.h"
#include "base/json_bytes.h"

namespace sitrep {
namespace {

// What AppendString does with a byte: copy it (0), escape it (1), or check the UTF-8 sequence
// it starts (2). Runs of 0 are skipped by SkipPlainJsonBytes.
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 1;
  t['"'] = t['\\'] = 1;
  for (int c = 0x80; c < 0x100; ++c) t[c] = 2;
  return t;
}();

// Bytes of the well-formed UTF-8 sequence at s[i] (a byte >= 0x80) as nlohmann's decoder
// accepts it (no overlongs, surrogates or > U+10FFFF); 0 when it is not one.
size_t Utf8SequenceAt(std::string_view s, size_t i) {
  const size_t n = s.size();
  auto cont = [&](size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    if (i + k >= n) return false;
    unsigned c = static_cast<unsigned char>(s[i + k]);
    return c >= lo && c <= hi;
  };
  unsigned c = static_cast<unsigned char>(s[i]);
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

// One pass: runs of plain bytes are copied whole, UTF-8 is checked as it comes.
void AppendString(std::string_view s, std::string& out) {
  const size_t mark = out.size();
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size();) {
    i = SkipPlainJsonBytes(s, i);
    if (i >= s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint8_t cls = kByteClass[c];
    if (cls == 2) {
      size_t len = Utf8SequenceAt(s, i);
      if (len == 0) {  // rare: let nlohmann apply its replacement rules
        out.resize(mark);
        out += nlohmann::json(std::string(s))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      i += len;
      continue;
    }
    out.append(s.data() + run, i - run);
    run = ++i;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void AppendStringOrNull(const std::string& s, std::string& out) {
  if (s.empty())
    out += "null";
  else
    AppendString(s, out);
}

void AppendOptString(const std::optional<std::string>& s, std::string& out) {
  if (s)
    AppendString(*s, out);
  else
    out += "null";
}

template <class Int>
void AppendInt(Int v, std::string& out) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

void AppendOptInt(const std::optional<int>& v, std::string& out) {
  if (v)
    AppendInt(*v, out);
  else
    out += "null";
}

// nlohmann's shortest round-trip form ("1.0", "-0.5", "1e+20"): its serializer writes a finite
// double with this very function (and "null" otherwise); calling it direct skips building a
// json value and a serializer per number.
void AppendDouble(double v, std::string& out) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buf[64];
  char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

void AppendActor(const std::optional<Actor>& a, std::string& out) {
  if (!a) {
    out += "null";
    return;
  }
  out += "{\"code\":";
  AppendString(a->code, out);
  out += ",\"country\":";
  AppendStringOrNull(a->country, out);
  out += ",\"sector\":";
  AppendStringOrNull(a->sector, out);
  out += ",\"text\":";
  AppendString(a->text, out);
  out += '}';
}

void AppendArticle(const ArticleRef& a, std::string& out) {
  out += "{\"author\":";
  AppendStringOrNull(a.author, out);
  out += ",\"id\":";
  AppendString(a.id, out);
  out += ",\"outlet\":";
  AppendStringOrNull(a.outlet, out);
  out += ",\"published\":";
  if (a.published)
    AppendString(a.published->Iso(), out);
  else
    out += "null";
  out += ",\"title\":";
  AppendStringOrNull(a.title, out);
  out += ",\"url\":";
  AppendStringOrNull(a.url, out);
  out += '}';
}

void AppendLocation(const std::optional<Location>& l, std::string& out) {
  if (!l) {
    out += "null";
    return;
  }
  out += "{\"admin1\":";
  AppendStringOrNull(l->admin1, out);
  out += ",\"country\":";
  AppendStringOrNull(l->country, out);
  out += ",\"lat\":";
  AppendDouble(l->lat, out);
  out += ",\"lon\":";
  AppendDouble(l->lon, out);
  out += ",\"precision\":";
  AppendString(l->precision, out);
  out += ",\"text\":";
  AppendString(l->text, out);
  out += '}';
}

// Writes one JSON object member by member, leaving out those that read back as their
// default (see AppendCompactJson).
class CompactObject {
 public:
  explicit CompactObject(std::string& out) : out_(out) {}
  void String(const char* key, const std::string& v) {
    if (v.empty()) return;
    Key(key);
    AppendString(v, out_);
  }
  void OptString(const char* key, const std::optional<std::string>& v) {
    if (!v) return;
    Key(key);
    AppendString(*v, out_);
  }
  template <class Int>
  void Number(const char* key, Int v, Int default_value = 0) {
    if (v == default_value) return;
    Key(key);
    AppendInt(v, out_);
  }
  void OptInt(const char* key, const std::optional<int>& v) {
    if (!v) return;
    Key(key);
    AppendInt(*v, out_);
  }
  void Real(const char* key, double v) {
    if (v == 0.0 && !std::signbit(v)) return;  // -0.0 reads back as itself only if written
    Key(key);
    AppendDouble(v, out_);
  }
  // Opens a nested object under `key`; Close() it before the next member.
  CompactObject Object(const char* key) {
    Key(key);
    return CompactObject(out_);
  }
  void Close() {
    if (first_) out_ += '{';
    out_ += '}';
  }

 private:
  void Key(const char* key) {
    out_ += first_ ? '{' : ',';
    first_ = false;
    out_ += '"';
    out_ += key;
    out_ += "\":";
  }
  std::string& out_;
  bool first_ = true;
};

void CompactActor(CompactObject& parent, const char* key, const std::optional<Actor>& a) {
  if (!a) return;
  CompactObject o = parent.Object(key);
  o.String("code", a->code);
  o.String("country", a->country);
  o.String("sector", a->sector);
  o.String("text", a->text);
  o.Close();
}

}  // namespace

void AppendJsonLine(const Event& e, std::string& out) {
  out += "{\"acled_subtype\":";
  AppendOptString(e.acled_subtype, out);
  out += ",\"acled_type\":";
  AppendOptString(e.acled_type, out);
  out += ",\"article\":";
  AppendArticle(e.article, out);
  out += ",\"attributed_to\":";
  AppendOptString(e.attributed_to, out);
  out += ",\"cameo\":";
  AppendString(e.cameo, out);
  out += ",\"confidence\":";
  AppendDouble(e.confidence, out);
  out += ",\"date\":";
  AppendString(e.date.begin.Iso(), out);
  out += ",\"date_end\":";
  AppendString(e.date.end.Iso(), out);
  out += ",\"date_precision\":";
  AppendString(PrecisionName(e.date.precision), out);
  out += ",\"evidence\":{\"end\":";
  AppendInt(e.evidence.end, out);
  out += ",\"sentence\":";
  AppendString(e.evidence.sentence, out);
  out += ",\"start\":";
  AppendInt(e.evidence.start, out);
  out += "},\"fatalities\":";
  AppendOptInt(e.fatalities, out);
  out += ",\"goldstein\":";
  AppendDouble(e.goldstein, out);
  out += ",\"id\":";
  AppendString(e.id, out);
  out += ",\"injuries\":";
  AppendOptInt(e.injuries, out);
  out += ",\"location\":";
  AppendLocation(e.location, out);
  out += ",\"num_articles\":";
  AppendInt(e.num_articles, out);
  out += ",\"num_sources\":";
  AppendInt(e.num_sources, out);
  out += ",\"quad_class\":";
  AppendInt(e.quad_class, out);
  out += ",\"root\":";
  AppendString(e.root, out);
  out += ",\"source\":";
  AppendActor(e.source, out);
  out += ",\"target\":";
  AppendActor(e.target, out);
  out += ",\"weapon\":";
  if (e.weapon) {
    out += "{\"count\":";
    AppendOptInt(e.weapon->count, out);
    out += ",\"kind\":";
    AppendString(e.weapon->kind, out);
    out += '}';
  } else {
    out += "null";
  }
  out += '}';
}

void AppendCompactJson(const Event& e, std::string& out) {
  CompactObject o(out);
  o.OptString("acled_subtype", e.acled_subtype);
  o.OptString("acled_type", e.acled_type);
  const ArticleRef& a = e.article;
  if (!a.id.empty() || !a.title.empty() || !a.url.empty() || a.published || !a.outlet.empty() ||
      !a.author.empty()) {
    CompactObject article = o.Object("article");
    article.String("author", a.author);
    article.String("id", a.id);
    article.String("outlet", a.outlet);
    if (a.published) article.String("published", a.published->Iso());
    article.String("title", a.title);
    article.String("url", a.url);
    article.Close();
  }
  o.OptString("attributed_to", e.attributed_to);
  o.String("cameo", e.cameo);
  o.Real("confidence", e.confidence);
  std::string begin = e.date.begin.Iso();
  o.String("date", begin);
  if (e.date.end != e.date.begin) o.String("date_end", e.date.end.Iso());
  if (e.date.precision != DatePrecision::kDay)
    o.String("date_precision", std::string(PrecisionName(e.date.precision)));
  if (!e.evidence.sentence.empty() || e.evidence.start != 0 || e.evidence.end != 0) {
    CompactObject evidence = o.Object("evidence");
    evidence.Number("end", e.evidence.end);
    evidence.String("sentence", e.evidence.sentence);
    evidence.Number("start", e.evidence.start);
    evidence.Close();
  }
  o.OptInt("fatalities", e.fatalities);
  o.Real("goldstein", e.goldstein);
  o.String("id", e.id);
  o.OptInt("injuries", e.injuries);
  if (e.location) {
    const Location& l = *e.location;
    CompactObject location = o.Object("location");
    location.String("admin1", l.admin1);
    location.String("country", l.country);
    location.Real("lat", l.lat);
    location.Real("lon", l.lon);
    location.String("precision", l.precision);
    location.String("text", l.text);
    location.Close();
  }
  o.Number("num_articles", e.num_articles, 1);
  o.Number("num_sources", e.num_sources, 1);
  o.Number("quad_class", e.quad_class);
  o.String("root", e.root);
  CompactActor(o, "source", e.source);
  CompactActor(o, "target", e.target);
  if (e.weapon) {
    CompactObject weapon = o.Object("weapon");
    weapon.OptInt("count", e.weapon->count);
    weapon.String("kind", e.weapon->kind);
    weapon.Close();
  }
  o.Close();
}

}  // namespace sitrep
