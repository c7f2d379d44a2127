//! Charts as SVG rendered on the server: readable without JavaScript, with a title
//! and a description for screen readers, and the same figures in a table beside them.

use std::fmt::Write as _;

/// Fill colours with at least 3:1 contrast against white, told apart by lightness too.
/// Text colour.
const INK: &str = "#1b1f24";

const COLOURS: [&str; 3] = ["#0b5394", "#b34700", "#4a6b1f"];

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One series of a chart: its name and one value per category; `None` is a value
/// that may not be shown (a suppressed small count), drawn as an empty bar marked "<5".
pub struct Series<'a> {
    pub name: &'a str,
    pub values: Vec<Option<i64>>,
}

/// A horizontal stacked bar chart: one row per category.
pub fn stacked_bars(
    id: &str,
    title: &str,
    description: &str,
    categories: &[String],
    series: &[Series],
) -> String {
    let label_w = 150.0;
    let bar_w = 460.0;
    let row_h = 24.0;
    let legend_h = 28.0;
    let totals: Vec<i64> = (0..categories.len())
        .map(|i| {
            series
                .iter()
                .map(|s| s.values.get(i).copied().flatten().unwrap_or(0))
                .sum()
        })
        .collect();
    let max = totals.iter().copied().max().unwrap_or(0).max(1) as f64;
    let height = legend_h + row_h * categories.len() as f64 + 8.0;
    let width = label_w + bar_w + 70.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg role="img" aria-labelledby="{id}-t {id}-d" viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        escape(title),
        escape(description)
    );
    let mut x = 0.0;
    for (k, s) in series.iter().enumerate() {
        let _ = write!(
            svg,
            r#"<rect x="{x}" y="4" width="14" height="14" fill="{}"/><text x="{}" y="16" font-size="13" fill="{INK}">{}</text>"#,
            COLOURS[k % 3],
            x + 18.0,
            escape(s.name)
        );
        x += 30.0 + 8.0 * s.name.chars().count() as f64;
    }
    for (i, cat) in categories.iter().enumerate() {
        let y = legend_h + row_h * i as f64;
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" font-size="13" text-anchor="end" fill="{INK}">{}</text>"#,
            label_w - 8.0,
            y + 16.0,
            escape(cat)
        );
        let mut offset = label_w;
        let mut hidden = false;
        for (k, s) in series.iter().enumerate() {
            match s.values.get(i).copied().flatten() {
                Some(v) => {
                    let w = bar_w * v as f64 / max;
                    let _ = write!(
                        svg,
                        r#"<rect x="{offset:.1}" y="{}" width="{w:.1}" height="{}" fill="{}"/>"#,
                        y + 3.0,
                        row_h - 6.0,
                        COLOURS[k % 3]
                    );
                    offset += w;
                }
                None => hidden = true,
            }
        }
        let label = if hidden {
            "<5".to_owned()
        } else {
            totals[i].to_string()
        };
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{}" font-size="13" fill="{INK}">{}</text>"#,
            offset + 6.0,
            y + 16.0,
            escape(&label)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A column chart with one column per category (months of a year).
pub fn columns(
    id: &str,
    title: &str,
    description: &str,
    categories: &[&str],
    values: &[i64],
) -> String {
    let (left, top, plot_h, col_w) = (40.0, 20.0, 180.0, 44.0);
    let max = values.iter().copied().max().unwrap_or(0).max(1) as f64;
    let width = left + col_w * categories.len() as f64 + 10.0;
    let height = top + plot_h + 30.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg role="img" aria-labelledby="{id}-t {id}-d" viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        escape(title),
        escape(description)
    );
    let _ = write!(
        svg,
        r##"<line x1="{left}" y1="{}" x2="{}" y2="{}" stroke="#6b7683"/>"##,
        top + plot_h,
        width - 10.0,
        top + plot_h
    );
    for (i, (cat, v)) in categories.iter().zip(values).enumerate() {
        let h = plot_h * *v as f64 / max;
        let x = left + col_w * i as f64 + 6.0;
        let _ = write!(
            svg,
            r#"<rect x="{x:.1}" y="{:.1}" width="{}" height="{h:.1}" fill="{}"/>"#,
            top + plot_h - h,
            col_w - 12.0,
            COLOURS[0]
        );
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" font-size="12" text-anchor="middle" fill="{INK}">{v}</text>"#,
            x + (col_w - 12.0) / 2.0,
            top + plot_h - h - 4.0
        );
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{}" font-size="12" text-anchor="middle" fill="{INK}">{}</text>"#,
            x + (col_w - 12.0) / 2.0,
            top + plot_h + 18.0,
            escape(cat)
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_chart_has_a_title_a_description_and_escapes_text() {
        let svg = stacked_bars(
            "c",
            "Personer <2019>",
            "Per kommun",
            &["Örebro".into(), "Nora".into()],
            &[
                Series {
                    name: "Kvinnor",
                    values: vec![Some(3), None],
                },
                Series {
                    name: "Män",
                    values: vec![Some(2), Some(1)],
                },
            ],
        );
        assert!(svg.starts_with("<svg role=\"img\""));
        assert!(svg.contains("<title id=\"c-t\">Personer &lt;2019&gt;</title>"));
        assert!(svg.contains(">&lt;5</text>"), "a suppressed row is marked");
        assert!(svg.contains(">5</text>"), "the total of a shown row");
    }

    #[test]
    fn columns_scale_to_the_largest_value() {
        let svg = columns("m", "Insatser", "Per månad", &["jan", "feb"], &[10, 5]);
        assert!(svg.contains("height=\"180.0\""));
        assert!(svg.contains("height=\"90.0\""));
    }
}
