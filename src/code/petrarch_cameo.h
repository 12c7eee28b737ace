// CAMEO event codes → QuadClass and Goldstein-scale weight, for events coded from
// TABARI/PETRARCH dictionaries (whose codes may carry suffixes such as "174K" or be unknown).
#pragma once

#include <string>
#include <string_view>

namespace sitrep::petrarch {

struct CameoWeight {
  int quad_class = 0;    // 1 verbal cooperation … 4 material conflict; 0 when not CAMEO
  double goldstein = 0;  // -10 … +10
};

// The weight of `code`: the most specific known prefix (4, 3, then 2 digits).
CameoWeight CameoWeightOf(std::string_view code);
// The first two digits of `code`, or "" when it does not start with two digits.
std::string CameoRoot(std::string_view code);

}  // namespace sitrep::petrarch
