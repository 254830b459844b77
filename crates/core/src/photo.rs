//! Product photos: a JPEG thumbnail small enough to sync (at most [`MAX_THUMBNAIL`] bytes)
//! made from a picked JPEG, PNG or WebP; the original stays on the computer.

use crate::catalog::ProductError;
use base64::Engine;
use std::path::{Path, PathBuf};

/// The largest thumbnail, in bytes of JPEG.
pub const MAX_THUMBNAIL: usize = 50 * 1024;
/// The largest picture accepted.
pub const MAX_ORIGINAL: usize = 20 * 1024 * 1024;

/// Where originals of the business file at `store` are kept: `<file>.foto/`.
pub(crate) fn originals_dir(store: &Path) -> PathBuf {
    let mut s = store.as_os_str().to_owned();
    s.push(".foto");
    PathBuf::from(s)
}

/// The file extension for a picture's bytes.
pub(crate) fn extension(bytes: &[u8]) -> &'static str {
    match image::guess_format(bytes) {
        Ok(image::ImageFormat::Png) => "png",
        Ok(image::ImageFormat::WebP) => "webp",
        _ => "jpg",
    }
}

/// A `data:image/jpeg;base64,…` thumbnail of at most [`MAX_THUMBNAIL`] bytes: the picture
/// fitted in 320 × 320, quality lowered (then size) until it fits.
pub fn thumbnail(bytes: &[u8]) -> Result<String, ProductError> {
    if bytes.len() > MAX_ORIGINAL {
        return Err(ProductError::BadPhoto);
    }
    let format = image::guess_format(bytes).map_err(|_| ProductError::BadPhoto)?;
    if !matches!(format, image::ImageFormat::Jpeg | image::ImageFormat::Png | image::ImageFormat::WebP) {
        return Err(ProductError::BadPhoto);
    }
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let picture = reader.decode().map_err(|_| ProductError::BadPhoto)?;
    for (side, quality) in [(320, 80), (320, 60), (240, 60), (160, 50), (120, 40)] {
        let small = picture.thumbnail(side, side).to_rgb8();
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, quality)
            .encode_image(&small)
            .map_err(|_| ProductError::BadPhoto)?;
        if jpeg.len() <= MAX_THUMBNAIL {
            return Ok(format!(
                "data:image/jpeg;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(jpeg)
            ));
        }
    }
    Err(ProductError::BadPhoto)
}
