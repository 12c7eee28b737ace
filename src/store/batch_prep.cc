#include "store/batch_prep.h"

#include <cstdio>
#include <system_error>

#include "base/hash.h"
#include "store/migrations.h"

namespace sitrep::store {
namespace {

// Below this many articles a batch is prepared on the writer's thread: starting a thread
// costs more than the work it would take over.
constexpr size_t kThreadedBatch = 16;

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

Article Normalized(const Article& in) {
  Article a = in;
  if (a.content_hash.empty()) a.content_hash = Sha256Hex(a.body);
  if (a.id.empty()) a.id = a.content_hash;
  return a;
}

PreparedReport PrepareReport(const Article& a, const Event& e, size_t index) {
  PreparedReport r;
  r.key = KeyOf(e);
  r.report_id = !e.id.empty() ? e.id
                              : Hex64(Fnv1a64(a.id + ":" + std::to_string(e.evidence.start) + ":" +
                                              std::to_string(index)));
  r.report_row = {Null(),
                  Text(a.id),
                  Text(r.report_id),
                  Text(e.evidence.sentence),
                  Int(static_cast<int64_t>(e.evidence.start)),
                  Int(static_cast<int64_t>(e.evidence.end)),
                  IntOrNull(e.fatalities),
                  IntOrNull(e.injuries),
                  SqlValue(StoredRecord(e, r.key.root))};
  r.event_row = EventRowParams("", e, EventRowCounts{0, 1, 1, e.fatalities, e.injuries});
  return r;
}

}  // namespace

std::vector<SqlValue> EventRowParams(const std::string& id, const Event& e,
                                     const EventRowCounts& c) {
  auto actor = [](const std::optional<Actor>& a, std::string Actor::*field) {
    return a ? TextOrNull((*a).*field) : Null();
  };
  const auto& l = e.location;
  return {Text(id),
          Int(e.date.begin.days()),
          Int(e.date.end.days()),
          Text(RootOf(e)),
          Text(e.cameo),
          Int(e.quad_class),
          Real(e.goldstein),
          actor(e.source, &Actor::code),
          actor(e.source, &Actor::country),
          actor(e.source, &Actor::text),
          actor(e.target, &Actor::code),
          actor(e.target, &Actor::country),
          actor(e.target, &Actor::text),
          e.acled_type ? TextOrNull(*e.acled_type) : Null(),
          e.acled_subtype ? TextOrNull(*e.acled_subtype) : Null(),
          l ? Text(l->text) : Null(),
          l ? TextOrNull(l->country) : Null(),
          l ? TextOrNull(l->precision) : Null(),
          l ? Real(l->lat) : Null(),
          l ? Real(l->lon) : Null(),
          IntOrNull(c.fatalities),
          IntOrNull(c.injuries),
          Int(c.num_sources),
          Int(c.num_articles),
          Int(c.primary_report)};
}

std::string StoredRecord(const Event& e, const std::string& root) {
  Event bare;
  bare.date = e.date;
  bare.source = e.source;
  bare.target = e.target;
  bare.cameo = e.cameo;
  bare.root = root;
  bare.quad_class = e.quad_class;
  bare.goldstein = e.goldstein;
  bare.acled_type = e.acled_type;
  bare.acled_subtype = e.acled_subtype;
  bare.location = e.location;
  bare.weapon = e.weapon;
  bare.attributed_to = e.attributed_to;
  bare.confidence = e.confidence;
  std::string record;
  record.reserve(512);  // most records fit: no regrowing as it is written
  AppendCompactJson(bare, record);
  return record;
}

PreparedArticle PrepareArticle(const Article& in, const std::vector<Event>& events) {
  PreparedArticle p;
  p.article = Normalized(in);
  const Article& a = p.article;
  p.row = {Text(a.title),
           Text(a.author),
           Text(a.outlet),
           Text(a.url),
           a.published ? Text(a.published->Iso()) : Null(),
           Text(a.body),
           Text(a.origin),
           Text(a.format),
           Text(NowUtc()),
           Text(a.content_hash),
           Text(a.id)};
  p.reports.reserve(events.size());
  for (size_t i = 0; i < events.size(); ++i) p.reports.push_back(PrepareReport(a, events[i], i));
  return p;
}

BatchPreparer::BatchPreparer(const ArticleBatch& batch) : batch_(batch), prepared_(batch.size()) {
  if (batch.size() >= kThreadedBatch) {
    try {
      thread_ = std::thread([this] { Run(); });
      return;
    } catch (const std::system_error&) {  // no thread to be had: prepare here instead
    }
  }
  Run();
}

BatchPreparer::~BatchPreparer() {
  if (thread_.joinable()) thread_.join();
}

void BatchPreparer::Run() noexcept {
  for (size_t i = 0; i < batch_.size(); ++i) {
    try {
      prepared_[i] = PrepareArticle(batch_[i].first, batch_[i].second);
    } catch (const std::exception& e) {
      failed_at_ = i;
      failure_ = std::string("preparing the batch: ") + e.what();
      ready_.store(batch_.size(), std::memory_order_release);
      ready_.notify_one();
      return;
    }
    ready_.store(i + 1, std::memory_order_release);
    ready_.notify_one();
  }
}

Result<PreparedArticle*> BatchPreparer::Get(size_t i) {
  size_t ready = ready_.load(std::memory_order_acquire);
  while (ready <= i) {
    ready_.wait(ready, std::memory_order_acquire);
    ready = ready_.load(std::memory_order_acquire);
  }
  if (i >= failed_at_) return Error{failure_};
  return &prepared_[i];
}

}  // namespace sitrep::store
