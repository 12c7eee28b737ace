// Write access: the bearer token given at start-up, compared in constant time.
#pragma once

#include <string_view>

namespace sitrep::serve {

// Compares without an early exit, so response time does not reveal how much of a guess matched.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// The token of an "Authorization: Bearer T" header value; empty when it has another form.
std::string_view BearerToken(std::string_view authorization);

}  // namespace sitrep::serve
