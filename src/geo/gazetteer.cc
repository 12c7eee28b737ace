#include "geo/gazetteer.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstring>
#include <map>
#include <unordered_map>

#include "geo/fold.h"

namespace sitrep::geo {

constexpr char kMagic[8] = {'S', 'I', 'T', 'G', 'A', 'Z', '0', '1'};
constexpr uint32_t kVersion = 1;
constexpr int kKinds = 6;

struct FileHeader {
  char magic[8];
  uint32_t version;
  uint32_t record_count;
  uint32_t slot_count;  // a power of two
  uint32_t entry_count;
  uint32_t pool_size;
  uint32_t kind_counts[kKinds];
  uint32_t reserved;
  uint64_t records_offset, slots_offset, entries_offset, pool_offset;
};

struct FileRecord {
  float lat, lon;
  uint32_t name, country, admin1, feature;  // pool offsets
  uint32_t population;
  uint8_t kind;
  uint8_t pad[3];
};

struct FileSlot {
  uint64_t hash;  // 0: empty
  uint32_t key;   // pool offset of the key, to rule out hash collisions
  uint32_t first_entry;
  uint16_t entry_count;
  uint16_t max_words;
  uint32_t unused;  // explicit, so the padding is a member that value-initialization zeroes:
                    // implicit padding bytes kept whatever the allocator left (the build was
                    // not deterministic)
};

static_assert(sizeof(FileRecord) == 32 && sizeof(FileSlot) == 24);

namespace {

constexpr std::string_view kKindNames[kKinds] = {"country", "admin1", "region",
                                                 "city",    "site",   "demonym"};

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(b, i - b));
      b = i + 1;
    }
  return out;
}

bool ParseDouble(std::string_view s, double* v) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

size_t WordCount(std::string_view key) {
  return std::count(key.begin(), key.end(), ' ') + 1;
}

class PoolWriter {
 public:
  uint32_t Add(std::string_view s) {
    auto it = offsets_.find(std::string(s));
    if (it != offsets_.end()) return it->second;
    uint32_t off = static_cast<uint32_t>(pool_.size());
    pool_.append(s);
    pool_ += '\0';
    offsets_.emplace(std::string(s), off);
    return off;
  }
  const std::string& bytes() const { return pool_; }

 private:
  std::string pool_;
  std::unordered_map<std::string, uint32_t> offsets_;
};

template <class T>
void Append(std::string& out, const T& v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
void PadTo8(std::string& out) {
  while (out.size() % 8) out += '\0';
}

}  // namespace

std::string_view PlaceKindName(PlaceKind k) {
  return kKindNames[static_cast<int>(k)];
}

bool ParsePlaceKind(std::string_view s, PlaceKind* k) {
  for (int i = 0; i < kKinds; ++i)
    if (kKindNames[i] == s) {
      *k = static_cast<PlaceKind>(i);
      return true;
    }
  return false;
}

Result<std::vector<PlaceRow>> ParsePlaceTable(std::string_view tsv) {
  std::vector<PlaceRow> rows;
  size_t line_no = 0;
  for (std::string_view line : Split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto f = Split(line, '\t');
    PlaceRow r;
    double pop = 0;
    if (f.size() < 7 || !ParsePlaceKind(f[0], &r.kind) || f[1].empty() ||
        !ParseDouble(f[5], &r.lat) || !ParseDouble(f[6], &r.lon) ||
        (f.size() > 7 && !f[7].empty() && !ParseDouble(f[7], &pop)))
      return Error{
          fmt::format("place table line {}: expected kind, name, variants, country, "
                      "admin1, lat, lon[, population, feature]",
                      line_no)};
    r.name = f[1];
    for (auto v : Split(f[2], '|'))
      if (!v.empty()) r.variants.emplace_back(v);
    r.country = f[3] == "-" ? "" : std::string(f[3]);
    r.admin1 = f[4] == "-" ? "" : std::string(f[4]);
    r.population = static_cast<uint32_t>(std::clamp(pop, 0.0, 4e9));
    r.feature = f.size() > 8 ? std::string(f[8]) : std::string(PlaceKindName(r.kind));
    rows.push_back(std::move(r));
  }
  return rows;
}

std::string BuildGazetteerBytes(const std::vector<PlaceRow>& rows) {
  PoolWriter pool;
  std::vector<FileRecord> records;
  std::map<std::string, std::vector<uint32_t>> by_key;  // sorted: deterministic output
  std::unordered_map<std::string, uint16_t> prefix_words;
  FileHeader h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kVersion;
  for (const PlaceRow& r : rows) {
    uint32_t id = static_cast<uint32_t>(records.size());
    FileRecord fr{};
    fr.lat = static_cast<float>(r.lat);
    fr.lon = static_cast<float>(r.lon);
    fr.name = pool.Add(r.name);
    fr.country = pool.Add(r.country);
    fr.admin1 = pool.Add(r.admin1);
    fr.feature = pool.Add(r.feature);
    fr.population = r.population;
    fr.kind = static_cast<uint8_t>(r.kind);
    records.push_back(fr);
    ++h.kind_counts[fr.kind];
    std::vector<std::string> keys{NameKey(r.name)};
    for (const auto& v : r.variants) keys.push_back(NameKey(v));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const auto& k : keys) {
      if (k.empty()) continue;
      by_key[k].push_back(id);
      std::string first = k.substr(0, k.find(' '));
      uint16_t& w = prefix_words[first];
      w = std::max<uint16_t>(w, static_cast<uint16_t>(std::min<size_t>(WordCount(k), 0xFFFF)));
    }
  }
  for (const auto& [first, words] : prefix_words) by_key.try_emplace(first);

  uint32_t slot_count = 16;
  while (slot_count < by_key.size() * 2) slot_count *= 2;
  std::vector<FileSlot> slots(slot_count);
  std::vector<uint32_t> entries;
  for (const auto& [key, ids] : by_key) {
    uint64_t hash = KeyHash(key);
    uint32_t s = static_cast<uint32_t>(hash) & (slot_count - 1);
    while (slots[s].hash != 0) s = (s + 1) & (slot_count - 1);
    FileSlot& slot = slots[s];
    slot.hash = hash;
    slot.key = pool.Add(key);
    slot.first_entry = static_cast<uint32_t>(entries.size());
    slot.entry_count = static_cast<uint16_t>(std::min<size_t>(ids.size(), 0xFFFF));
    entries.insert(entries.end(), ids.begin(), ids.begin() + slot.entry_count);
    auto pw = prefix_words.find(key);
    slot.max_words = pw == prefix_words.end() ? 0 : pw->second;
  }
  h.record_count = static_cast<uint32_t>(records.size());
  h.slot_count = slot_count;
  h.entry_count = static_cast<uint32_t>(entries.size());
  h.pool_size = static_cast<uint32_t>(pool.bytes().size());

  std::string out;
  out.reserve(sizeof h + records.size() * sizeof(FileRecord) + slots.size() * sizeof(FileSlot) +
              entries.size() * 4 + pool.bytes().size() + 32);
  out.resize(sizeof h);
  PadTo8(out);
  h.records_offset = out.size();
  for (const auto& r : records) Append(out, r);
  PadTo8(out);
  h.slots_offset = out.size();
  for (const auto& s : slots) Append(out, s);
  h.entries_offset = out.size();
  for (uint32_t e : entries) Append(out, e);
  h.pool_offset = out.size();
  out += pool.bytes();
  std::memcpy(out.data(), &h, sizeof h);
  return out;
}

Gazetteer::~Gazetteer() {
  if (mapped_) munmap(mapped_, mapped_size_);
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return Error{fmt::format("gazetteer {} not found: run scripts/setup to build it", path)};
  struct stat st {};
  if (fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(FileHeader))) {
    close(fd);
    return Error{fmt::format("gazetteer {} is empty or unreadable: run scripts/setup", path)};
  }
  void* m = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (m == MAP_FAILED) return Error{fmt::format("gazetteer {}: cannot map the file", path)};
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->mapped_ = m;
  g->mapped_size_ = static_cast<size_t>(st.st_size);
  Status s = g->Attach(static_cast<const char*>(m), g->mapped_size_);
  if (!s) return Error{fmt::format("gazetteer {}: {} (run scripts/setup)", path, s.error())};
  return g;
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::FromBytes(std::string bytes) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->owned_ = std::move(bytes);
  Status s = g->Attach(g->owned_.data(), g->owned_.size());
  if (!s) return Error{s.error()};
  return g;
}

Status Gazetteer::Attach(const char* data, size_t size) {
  if (size < sizeof(FileHeader)) return Error{"too short for a gazetteer"};
  const auto* h = reinterpret_cast<const FileHeader*>(data);
  if (std::memcmp(h->magic, kMagic, sizeof kMagic) != 0) return Error{"not a sitrep gazetteer"};
  if (h->version != kVersion) return Error{fmt::format("gazetteer version {}", h->version)};
  auto fits = [&](uint64_t off, uint64_t bytes) { return off <= size && bytes <= size - off; };
  if (h->slot_count == 0 || (h->slot_count & (h->slot_count - 1)) != 0 ||
      !fits(h->records_offset, uint64_t{h->record_count} * sizeof(FileRecord)) ||
      !fits(h->slots_offset, uint64_t{h->slot_count} * sizeof(FileSlot)) ||
      !fits(h->entries_offset, uint64_t{h->entry_count} * 4) ||
      !fits(h->pool_offset, h->pool_size) || h->pool_size == 0 ||
      data[h->pool_offset + h->pool_size - 1] != '\0' || h->records_offset % 8 ||
      h->slots_offset % 8 || h->entries_offset % 4)
    return Error{"the file is truncated or damaged"};
  header_ = h;
  records_ = reinterpret_cast<const FileRecord*>(data + h->records_offset);
  slots_ = reinterpret_cast<const FileSlot*>(data + h->slots_offset);
  entry_places_ = reinterpret_cast<const uint32_t*>(data + h->entries_offset);
  pool_ = data + h->pool_offset;
  // Offsets inside the file are trusted only after a bounds check of every reference.
  for (uint32_t i = 0; i < h->record_count; ++i) {
    const FileRecord& r = records_[i];
    if (r.name >= h->pool_size || r.country >= h->pool_size || r.admin1 >= h->pool_size ||
        r.feature >= h->pool_size || r.kind >= kKinds)
      return Error{"a place record points outside the file"};
  }
  for (uint32_t i = 0; i < h->slot_count; ++i) {
    const FileSlot& s = slots_[i];
    if (s.hash == 0) continue;
    if (s.key >= h->pool_size || uint64_t{s.first_entry} + s.entry_count > h->entry_count)
      return Error{"a name entry points outside the file"};
  }
  for (uint32_t i = 0; i < h->entry_count; ++i)
    if (entry_places_[i] >= h->record_count) return Error{"a name points to no place"};
  return OkStatus();
}

Gazetteer::Gazetteer() {
  static std::atomic<uint64_t> next{1};
  generation_ = next.fetch_add(1, std::memory_order_relaxed);
}

// Names recur within an article and across articles ("Baghdad", "U.S."), and each probe of the
// mapped table is a cache miss: the last answers are kept in a small per-thread table.
Gazetteer::Hit Gazetteer::Find(std::string_view key) const {
  uint64_t hash = KeyHash(key);
  struct Cached {
    uint64_t generation = 0, hash = 0;
    std::string key;
    Hit hit;
  };
  static constexpr size_t kCacheSize = 2048;
  thread_local std::vector<Cached> cache(kCacheSize);
  Cached& c = cache[(hash ^ (hash >> 32)) & (kCacheSize - 1)];
  if (c.generation == generation_ && c.hash == hash && c.key == key) return c.hit;
  Hit hit = Probe(key, hash);
  c.generation = generation_;
  c.hash = hash;
  c.key.assign(key);
  c.hit = hit;
  return hit;
}

Gazetteer::Hit Gazetteer::Probe(std::string_view key, uint64_t hash) const {
  uint32_t mask = header_->slot_count - 1;
  for (uint32_t s = static_cast<uint32_t>(hash) & mask;; s = (s + 1) & mask) {
    const FileSlot& slot = slots_[s];
    if (slot.hash == 0) return {};
    if (slot.hash == hash && std::strncmp(pool_ + slot.key, key.data(), key.size()) == 0 &&
        pool_[slot.key + key.size()] == '\0')
      return {std::span<const uint32_t>(entry_places_ + slot.first_entry, slot.entry_count),
              slot.max_words};
  }
}

Place Gazetteer::Get(uint32_t id) const {
  const FileRecord& r = records_[id];
  return {static_cast<PlaceKind>(r.kind),
          pool_ + r.name,
          pool_ + r.country,
          pool_ + r.admin1,
          pool_ + r.feature,
          r.lat,
          r.lon,
          r.population};
}

PlaceKind Gazetteer::Kind(uint32_t id) const {
  return static_cast<PlaceKind>(records_[id].kind);
}

std::string_view Gazetteer::Country(uint32_t id) const {
  return pool_ + records_[id].country;
}

size_t Gazetteer::size() const {
  return header_->record_count;
}

size_t Gazetteer::CountKind(PlaceKind kind) const {
  return header_->kind_counts[static_cast<int>(kind)];
}

}  // namespace sitrep::geo
