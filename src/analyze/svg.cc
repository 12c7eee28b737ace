// An SVG chart of count series with change-point alarms marked, written by hand.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "analyze/analyze.h"

namespace sitrep::analyze {
namespace {

const char* const kColors[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd",
                               "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A "nice" tick step (1, 2 or 5 × 10^k) giving about `ticks` ticks up to `top`.
double TickStep(double top, int ticks) {
  double raw = std::max(top, 1.0) / ticks;
  double power = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= raw) return std::max(1.0, m * power);
  return 10 * power;
}

}  // namespace

std::string RenderSvg(const std::vector<Series>& series, const std::vector<ChangePoint>& alarms,
                      const SvgOptions& o) {
  const double left = 56, right = 170, top = 40, bottom = 48;
  const double plot_w = o.width - left - right, plot_h = o.height - top - bottom;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" font-size=\"11\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"{2}\" y=\"22\" font-size=\"15\" font-weight=\"bold\">{3}</text>\n",
      o.width, o.height, left, Escape(o.title));
  if (series.empty() || series.front().counts.empty())
    return svg + fmt::format("<text x=\"{}\" y=\"{}\">no events</text>\n</svg>\n", left,
                             top + plot_h / 2);
  const Series& first = series.front();
  size_t n = first.counts.size();
  int peak = 1;
  for (const Series& s : series)
    for (int c : s.counts) peak = std::max(peak, c);
  double step = TickStep(peak, 5);
  double y_max = std::ceil(peak / step) * step;
  auto x_of = [&](double i) { return left + plot_w * i / static_cast<double>(n); };
  auto y_of = [&](double v) { return top + plot_h * (1 - v / y_max); };

  // Axes, grid, ticks.
  svg += fmt::format(
      "<g stroke=\"#999\">\n<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>\n"
      "<line x1=\"{0}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\"/>\n</g>\n",
      left, top, top + plot_h, left + plot_w);
  for (double v = 0; v <= y_max + 1e-9; v += step)
    svg += fmt::format(
        "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#eee\"/>"
        "<text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5}</text>\n",
        left, y_of(v), left + plot_w, left - 6, y_of(v) + 4, static_cast<int>(v));
  size_t label_every = std::max<size_t>(1, n / 8);
  for (size_t i = 0; i < n; i += label_every)
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#999\"/>"
        "<text x=\"{0:.1f}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
        x_of(i + 0.5), top + plot_h, top + plot_h + 4, top + plot_h + 16,
        first.BucketStart(i).Iso());
  svg += fmt::format(
      "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{} starting</text>\n"
      "<text x=\"14\" y=\"{}\" transform=\"rotate(-90 14 {})\" text-anchor=\"middle\">"
      "events per {}</text>\n",
      left + plot_w / 2, o.height - 8, BucketName(first.bucket), top + plot_h / 2, top + plot_h / 2,
      BucketName(first.bucket));

  // Data: bars for one series, lines for several.
  for (size_t k = 0; k < series.size() && k < std::size(kColors); ++k) {
    const Series& s = series[k];
    if (series.size() == 1) {
      double bar = std::max(1.0, plot_w / n - 1);
      for (size_t i = 0; i < s.counts.size(); ++i)
        if (s.counts[i] > 0)
          svg += fmt::format(
              "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>\n",
              x_of(i), y_of(s.counts[i]), bar, y_of(0) - y_of(s.counts[i]), kColors[k]);
    } else {
      std::string path;
      for (size_t i = 0; i < s.counts.size(); ++i)
        path += fmt::format("{}{:.1f},{:.1f} ", i ? "L" : "M", x_of(i + 0.5), y_of(s.counts[i]));
      svg += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\"/>\n",
                         path, kColors[k]);
    }
  }
  // Alarms: a dashed line at the alarm bucket and a triangle labelled with the rate ratio.
  int bucket_days = first.bucket == Bucket::kDay ? 1 : 7;
  for (const ChangePoint& cp : alarms) {
    double i = static_cast<double>(cp.alarm - first.start) / bucket_days;
    if (i < 0 || i >= static_cast<double>(n)) continue;
    double x = x_of(i + 0.5);
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#d62728\" "
        "stroke-dasharray=\"4 3\"/>\n<path d=\"M{0:.1f},{3} l-5,-9 h10 z\" fill=\"#d62728\">"
        "<title>{4}: change {5}, alarm {6}, {7:.2f} → {8:.2f} per bucket</title></path>\n"
        "<text x=\"{0:.1f}\" y=\"{9}\" text-anchor=\"middle\" fill=\"#d62728\">×{10:.1f}</text>\n",
        x, top, top + plot_h, top, Escape(cp.series), cp.change.Iso(), cp.alarm.Iso(),
        cp.rate_before, cp.rate_after, top - 11, cp.ratio);
  }
  // Legend.
  double ly = top + 4;
  for (size_t k = 0; k < series.size() && k < std::size(kColors); ++k, ly += 16)
    svg += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"10\" fill=\"{}\"/>"
        "<text x=\"{}\" y=\"{}\">{} ({})</text>\n",
        left + plot_w + 14, ly, kColors[k], left + plot_w + 30, ly + 9, Escape(series[k].key),
        series[k].total());
  svg += fmt::format(
      "<path d=\"M{0},{1} l5,9 l5,-9 z\" fill=\"#d62728\"/>"
      "<text x=\"{2}\" y=\"{3}\">change-point alarm</text>\n",
      left + plot_w + 15, ly, left + plot_w + 30, ly + 9);
  return svg + "</svg>\n";
}

}  // namespace sitrep::analyze
