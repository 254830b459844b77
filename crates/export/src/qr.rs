//! A QR code as SVG (for the QRIS shown at the cashier).

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// `payload` as an SVG QR code with a quiet zone, `size` pixels square at least.
pub fn svg(payload: &str, size: u32) -> Result<String, qrcode::types::QrError> {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(size, size)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

/// Why a picture gave no QR code.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Not a picture this app reads.
    #[error("not a picture")]
    NotAPicture,
    /// No readable QR code in it.
    #[error("no QR code")]
    NoCode,
}

/// The text of the first QR code found in a JPEG/PNG/WebP picture (a photo or screenshot of
/// the shop's QRIS sticker).
pub fn read(picture: &[u8]) -> Result<String, ReadError> {
    let img = image::load_from_memory(picture).map_err(|_| ReadError::NotAPicture)?.to_luma8();
    // Large photos are scaled down first: faster, and the code is still many pixels wide.
    let img = if img.width().max(img.height()) > 1600 {
        image::imageops::resize(
            &img,
            img.width() / 2,
            img.height() / 2,
            image::imageops::FilterType::Triangle,
        )
    } else {
        img
    };
    let mut prepared = rqrr::PreparedImage::prepare(img);
    for grid in prepared.detect_grids() {
        if let Ok((_, content)) = grid.decode() {
            return Ok(content);
        }
    }
    Err(ReadError::NoCode)
}

/// `payload` as a PNG QR code (for tests and printing).
pub fn png(payload: &str, size: u32) -> Result<Vec<u8>, qrcode::types::QrError> {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)?;
    let img = code.render::<image::Luma<u8>>().min_dimensions(size, size).build();
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .map_err(|_| qrcode::types::QrError::DataTooLong)?;
    Ok(out)
}
