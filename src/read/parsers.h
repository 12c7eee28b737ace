// The three document parsers: each turns one input format into the common Document form.
#pragma once

#include <string_view>

#include "read/document.h"

namespace sitrep::read {

Document ParsePlainText(std::string_view content);
Document ParseMarkdown(std::string_view content);
Document ParseHtml(std::string_view content);

}  // namespace sitrep::read
