#include "serve/auth.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace sitrep::serve {

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  // Compare equal-length buffers so the length check leaks nothing beyond the length itself.
  std::string padded_a(a), padded_b(b);
  size_t n = std::max(a.size(), b.size());
  padded_a.resize(n, '\0');
  padded_b.resize(n, '\0');
  bool same_bytes = n == 0 || CRYPTO_memcmp(padded_a.data(), padded_b.data(), n) == 0;
  return same_bytes && a.size() == b.size();
}

std::string_view BearerToken(std::string_view authorization) {
  constexpr std::string_view kScheme = "Bearer ";
  if (authorization.size() <= kScheme.size()) return {};
  for (size_t i = 0; i < kScheme.size(); ++i) {
    char c = authorization[i];
    if (std::tolower(static_cast<unsigned char>(c)) !=
        std::tolower(static_cast<unsigned char>(kScheme[i])))
      return {};
  }
  std::string_view token = authorization.substr(kScheme.size());
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  return token;
}

}  // namespace sitrep::serve
