//! QR codes of share links as an SVG path, made in the analysis worker with the `qrcode` crate's
//! encoder.
//!
//! The worker sends the path's data, not markup: `www/qr.js` and the term sheet draw the `<svg>`
//! with DOM methods, since the page uses no raw-HTML API (S3). The path is ours rather than the crate's SVG renderer's, which writes
//! one command per module (about 40 KB for a long link); this one joins each row's dark modules
//! into runs.

use qrcode::{Color, EcLevel, QrCode};
use serde::{Deserialize, Serialize};

/// A QR code as the page draws it: a square of `size` modules (the quiet zone included), white,
/// with the dark modules as the path `path`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QrPath {
    pub size: usize,
    pub path: String,
}

/// Modules of light margin around the code, as the QR standard asks for a reliable scan.
const QUIET_ZONE: usize = 4;

/// A QR code of `text` (error correction M: 15 % of the code may be lost, to a glare or a smudge
/// on a projected screen), or why there is none (a text too long for QR).
pub fn draw(text: &str) -> Result<QrPath, String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|error| format!("no QR code can hold this link ({error})"))?;
    let width = code.width();
    let colors = code.to_colors();
    let size = width + 2 * QUIET_ZONE;
    let mut path = String::with_capacity(width * width);
    for (row, modules) in colors.chunks(width).enumerate() {
        let mut column = 0;
        while column < width {
            if modules[column] == Color::Dark {
                let start = column;
                while column < width && modules[column] == Color::Dark {
                    column += 1;
                }
                let run = column - start;
                path.push_str(&format!(
                    "M{} {}h{run}v1h-{run}z",
                    start + QUIET_ZONE,
                    row + QUIET_ZONE
                ));
            } else {
                column += 1;
            }
        }
    }
    Ok(QrPath { size, path })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_every_dark_module_once() {
        let text =
            "https://example.org/peace-plan-sandbox/#v=2&m=2026.12.01&army_cap=cap_800k_peacetime";
        let drawn = draw(text).unwrap();
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).unwrap();
        let dark = code
            .to_colors()
            .iter()
            .filter(|&&c| c == Color::Dark)
            .count();
        // Every run is `M{x} {y}h{n}v1h-{n}z`: the runs' lengths add up to the dark modules.
        let covered: usize = drawn
            .path
            .split('M')
            .skip(1)
            .map(|run| {
                run.split('h')
                    .nth(1)
                    .unwrap()
                    .split('v')
                    .next()
                    .unwrap()
                    .parse::<usize>()
                    .unwrap()
            })
            .sum();
        assert_eq!(covered, dark);
        assert_eq!(drawn.size, code.width() + 2 * QUIET_ZONE);
    }

    #[test]
    fn a_text_too_long_is_refused_with_a_reason() {
        let long = "x".repeat(5_000);
        assert!(
            draw(&long)
                .unwrap_err()
                .starts_with("no QR code can hold this link")
        );
    }
}
