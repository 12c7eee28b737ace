#include "code/petrarch_cameo.h"

#include <cctype>
#include <unordered_map>

namespace sitrep::petrarch {
namespace {

// Goldstein weights of the CAMEO roots and of the common three-digit codes that differ much
// from their root's weight.
const std::unordered_map<std::string_view, double>& Weights() {
  static const auto* table = new std::unordered_map<std::string_view, double>{
      {"01", 0.0},    {"02", 3.0},    {"03", 4.0},    {"04", 1.0},    {"05", 3.5},
      {"06", 6.0},    {"07", 7.0},    {"08", 5.0},    {"09", -2.0},   {"10", -5.0},
      {"11", -2.0},   {"12", -4.0},   {"13", -6.0},   {"14", -6.5},   {"15", -7.2},
      {"16", -4.0},   {"17", -7.0},   {"18", -9.0},   {"19", -10.0},  {"20", -10.0},
      {"011", -0.1},  {"012", -0.4},  {"013", 0.4},   {"016", 3.4},   {"017", 0.0},
      {"018", 3.4},   {"022", 3.2},   {"023", 3.4},   {"024", 3.2},   {"025", 3.2},
      {"027", 3.4},   {"030", 4.0},   {"031", 5.2},   {"032", 4.5},   {"033", 4.5},
      {"036", 4.0},   {"040", 1.0},   {"041", 1.0},   {"042", 1.9},   {"043", 2.8},
      {"046", 7.0},   {"050", 3.5},   {"051", 3.4},   {"057", 8.0},   {"060", 6.0},
      {"061", 6.4},   {"064", 7.0},   {"066", 5.0},   {"070", 7.0},   {"071", 7.4},
      {"072", 8.3},   {"073", 7.4},   {"074", 8.5},   {"075", 7.0},   {"081", 5.0},
      {"082", 5.0},   {"083", 5.0},   {"085", 7.0},   {"090", -2.0},  {"094", -2.0},
      {"095", -3.0},  {"096", -3.0},  {"100", -5.0},  {"102", -5.0},  {"111", -2.0},
      {"112", -2.0},  {"120", -4.0},  {"121", -4.0},  {"122", -4.0},  {"130", -4.4},
      {"131", -5.8},  {"132", -5.8},  {"138", -7.0},  {"140", -6.5},  {"141", -6.5},
      {"150", -7.2},  {"160", -4.0},  {"161", -4.0},  {"162", -5.6},  {"170", -7.0},
      {"171", -9.2},  {"172", -5.0},  {"173", -5.0},  {"174", -5.0},  {"180", -9.0},
      {"181", -9.0},  {"182", -9.5},  {"183", -10.0}, {"190", -10.0}, {"193", -10.0},
      {"194", -10.0}, {"195", -10.0}, {"200", -10.0}, {"201", -9.5},  {"202", -10.0},
  };
  return *table;
}

int QuadClassOfRoot(int root) {
  if (root >= 1 && root <= 4) return 1;
  if (root >= 5 && root <= 8) return 2;
  if (root >= 9 && root <= 13) return 3;
  if (root >= 14 && root <= 20) return 4;
  return 0;
}

}  // namespace

std::string CameoRoot(std::string_view code) {
  if (code.size() < 2 || !std::isdigit(static_cast<unsigned char>(code[0])) ||
      !std::isdigit(static_cast<unsigned char>(code[1])))
    return "";
  return std::string(code.substr(0, 2));
}

CameoWeight CameoWeightOf(std::string_view code) {
  std::string root = CameoRoot(code);
  if (root.empty()) return {};
  CameoWeight w;
  w.quad_class = QuadClassOfRoot(std::stoi(root));
  if (w.quad_class == 0) return {};
  const auto& table = Weights();
  for (size_t n = std::min<size_t>(code.size(), 4); n >= 2; --n) {
    auto it = table.find(code.substr(0, n));
    if (it != table.end()) {
      w.goldstein = it->second;
      break;
    }
  }
  return w;
}

}  // namespace sitrep::petrarch
