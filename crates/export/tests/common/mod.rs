//! Shared by the export tests: render a PDF's first page with poppler and count dark pixels.

use std::process::Command;

/// Dark pixels (< 128 of 255) on page 1 of `pdf`, rendered grey at `dpi` by `pdftoppm`.
pub fn dark_pixels(pdf: &std::path::Path, dpi: u32) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("page");
    let status = Command::new("pdftoppm")
        .args(["-r", &dpi.to_string(), "-gray", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg(&out)
        .status()
        .expect("pdftoppm (poppler-utils) must be installed");
    assert!(status.success());
    let pgm = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "pgm"))
        .expect("a rendered page");
    let bytes = std::fs::read(pgm).unwrap();
    // P5 header: magic, width, height, maxval, each followed by whitespace.
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        let start = i;
        while !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..i]).into_owned());
        i += 1;
    }
    assert_eq!(fields[0], "P5");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = &bytes[i..];
    assert_eq!(pixels.len(), w * h);
    pixels.iter().filter(|&&p| p < 128).count()
}
