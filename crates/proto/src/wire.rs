//! Sync API bodies and their encoding.
//!
//! A body is `"UH"`, the protocol version (u16, little endian), a codec byte (0: plain,
//! 1: zstd), then the postcard encoding of the value — compressed with zstd unless that would
//! not make it smaller (tiny bodies such as an idle poll's answer). A body with another version
//! is refused before anything else is read; decompression stops at [`MAX_DECODED_BYTES`], so a
//! small body cannot expand into an unbounded allocation.
//!
//! Every struct here is **frozen** (postcard encodes by position): add new endpoints or new
//! versions instead of changing fields.

use crate::{DeviceId, Op, PROTOCOL_VERSION};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use uuid::Uuid;

/// Largest encoded body a server accepts.
pub const MAX_BODY_BYTES: usize = 1 << 20;
/// Largest decoded (decompressed) body.
pub const MAX_DECODED_BYTES: usize = 8 << 20;
const MAGIC: &[u8; 2] = b"UH";
const ZSTD_LEVEL: i32 = 3;

/// Identifies one life of the server's store; a restore from backup gives a new epoch, and
/// clients then re-push what the server lacks. **Frozen.**
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Epoch(pub Uuid);

/// What every response carries about the server. **Frozen.**
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerInfo {
    /// The store's current epoch.
    pub epoch: Epoch,
    /// The server's wall clock (ms since the Unix epoch), for the clock-skew warning.
    pub time_ms: i64,
}

/// `POST /v1/push`: this device's ops in device_seq order. **Frozen.**
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushRequest {
    /// Ops of the calling device, ascending device_seq.
    pub ops: Vec<Op>,
}

/// Answer to a push. **Frozen.**
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushResponse {
    /// Server epoch and time.
    pub server: ServerInfo,
    /// Highest device_seq the server holds for this device with no gap before it.
    pub acked_seq: u64,
}

/// Answer to `GET /v1/pull?cursor=…&max_bytes=…&wait_ms=…`. **Frozen.**
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PullResponse {
    /// Server epoch and time.
    pub server: ServerInfo,
    /// Other devices' ops after the cursor, in server order.
    pub ops: Vec<Op>,
    /// The cursor to ask from next time (the last op's server_seq, or the old cursor).
    pub cursor: u64,
    /// More ops are waiting beyond `max_bytes`.
    pub more: bool,
}

/// Answer to `GET /v1/status`. **Frozen.**
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusResponse {
    /// Server epoch and time.
    pub server: ServerInfo,
    /// The business (tenant) the token belongs to.
    pub tenant_id: Uuid,
    /// The device the token belongs to.
    pub device_id: DeviceId,
    /// Highest contiguous device_seq the server holds for this device.
    pub acked_seq: u64,
    /// The tenant's newest server_seq.
    pub head: u64,
}

/// `POST /v1/tenants`: the first device registers its business with an owner password.
/// **Frozen.**
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateTenantRequest {
    /// The business id (made by the first device).
    pub tenant_id: Uuid,
    /// The owner's password for the account (at least 8 characters).
    pub owner_password: String,
    /// The registering device.
    pub device_id: DeviceId,
    /// Its device code (normally `A`).
    pub device_code: String,
}

/// `POST /v1/pairing-codes`: a one-time code for a new device. Authorised by a device token,
/// or by the owner password when no device is at hand. **Frozen.**
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairingCodeRequest {
    /// With no device token: the business and its owner password.
    pub owner: Option<(Uuid, String)>,
}

/// A one-time pairing code. **Frozen.**
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairingCodeResponse {
    /// `XXXX-XXXX`, Crockford base32; single use.
    pub code: String,
    /// When it stops working (ms since the Unix epoch, server clock).
    pub expires_ms: i64,
}

/// `POST /v1/pair`: a new device joins with a pairing code. **Frozen.**
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairRequest {
    /// The code as the user typed it (case, spaces and dashes do not matter).
    pub code: String,
    /// The joining device's id.
    pub device_id: DeviceId,
}

/// A device's credentials, from registering or pairing. **Frozen.**
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceGrant {
    /// Server epoch and time.
    pub server: ServerInfo,
    /// The business.
    pub tenant_id: Uuid,
    /// The device.
    pub device_id: DeviceId,
    /// Its short code within the business (`A`, `B`, …).
    pub device_code: String,
    /// Bearer token for every later call; bound to this tenant and device only.
    pub token: String,
}

/// `POST /v1/devices/revoke`: the owner withdraws a device's token. **Frozen.**
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokeRequest {
    /// The device to revoke.
    pub device_id: DeviceId,
    /// The owner password.
    pub owner_password: String,
}

/// `POST /v1/devices/replace`: a device whose local file turned out to be an older copy (the
/// server holds ops of its id that the file lacks) takes a new device id; the answer is a
/// [`DeviceGrant`] for it. Authorised by the old device's token. **Frozen.**
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplaceDeviceRequest {
    /// The new id (made by the device).
    pub device_id: DeviceId,
}

/// Error answers carry a plain-text reason for people and, where a client must react to the
/// kind of refusal, a machine-readable code in the [`ERROR_CODE_HEADER`] header. **Frozen**:
/// clients match on these values.
pub mod error_code {
    /// Header that carries the code.
    pub const ERROR_CODE_HEADER: &str = "x-usahaku-error";
    /// `409` on register: the business is already on the server.
    pub const TENANT_EXISTS: &str = "tenant_exists";
    /// `409` on push: a device_seq of this device is already held with a different op (the
    /// device's file is an older copy; it must take a new id with `/v1/devices/replace`).
    pub const SEQ_REUSED: &str = "seq_reused";
    /// `403` on pair: the pairing code is unknown, used or expired.
    pub const PAIRING_CODE: &str = "pairing_code";
    /// `403`: wrong business or owner password.
    pub const OWNER_PASSWORD: &str = "owner_password";
}

/// Why a body could not be decoded.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum BodyError {
    /// Shorter than the header, or not starting with the magic bytes.
    #[error("not a Usahaku sync body")]
    NotABody,
    /// Written for another protocol version.
    #[error("protocol version {got}, this side speaks {ours}")]
    WrongVersion {
        /// The body's version.
        got: u16,
        /// Ours.
        ours: u16,
    },
    /// Larger than [`MAX_BODY_BYTES`] or than [`MAX_DECODED_BYTES`] once decompressed.
    #[error("body too large")]
    TooLarge,
    /// Compressed data is damaged or truncated.
    #[error("damaged compression")]
    Compression,
    /// The decoded bytes are not the expected value.
    #[error("malformed body")]
    Malformed,
}

const CODEC_PLAIN: u8 = 0;
const CODEC_ZSTD: u8 = 1;

/// Encodes a body: header, codec, then postcard(value), zstd-compressed when that helps.
pub fn encode_body<T: Serialize>(value: &T) -> Vec<u8> {
    let plain = crate::encode_payload(value);
    let mut out = Vec::with_capacity(plain.len() / 2 + 8);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&PROTOCOL_VERSION.to_le_bytes());
    match zstd::bulk::compress(&plain, ZSTD_LEVEL) {
        Ok(z) if z.len() < plain.len() => {
            out.push(CODEC_ZSTD);
            out.extend_from_slice(&z);
        }
        _ => {
            out.push(CODEC_PLAIN);
            out.extend_from_slice(&plain);
        }
    }
    out
}

/// Decodes a body written by [`encode_body`], refusing other versions and oversized data.
pub fn decode_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, BodyError> {
    if bytes.len() > MAX_BODY_BYTES {
        return Err(BodyError::TooLarge);
    }
    if bytes.len() < 5 || &bytes[..2] != MAGIC {
        return Err(BodyError::NotABody);
    }
    let got = u16::from_le_bytes([bytes[2], bytes[3]]);
    if got != PROTOCOL_VERSION {
        return Err(BodyError::WrongVersion { got, ours: PROTOCOL_VERSION });
    }
    match bytes[4] {
        CODEC_PLAIN => postcard::from_bytes(&bytes[5..]).map_err(|_| BodyError::Malformed),
        CODEC_ZSTD => {
            let plain = decompress_limited(&bytes[5..])?;
            postcard::from_bytes(&plain).map_err(|_| BodyError::Malformed)
        }
        _ => Err(BodyError::NotABody),
    }
}

fn decompress_limited(z: &[u8]) -> Result<Vec<u8>, BodyError> {
    use std::io::Read;
    let decoder = zstd::stream::read::Decoder::new(z).map_err(|_| BodyError::Compression)?;
    let mut out = Vec::new();
    let read = decoder
        .take(MAX_DECODED_BYTES as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|_| BodyError::Compression)?;
    if read > MAX_DECODED_BYTES {
        return Err(BodyError::TooLarge);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ActorId, EntityKind, FieldValue, Hlc, LwwPatch, OpId, encode_payload};

    fn op(seq: u64) -> Op {
        let dev = DeviceId(Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0001));
        Op {
            op_id: OpId(Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_1000 + u128::from(seq))),
            device_id: dev,
            device_seq: seq,
            hlc: Hlc { millis: 1_763_800_000_000 + seq as i64, counter: 0, device: dev },
            actor: ActorId(Uuid::from_u128(7)),
            entity: EntityKind::BusinessProfile,
            entity_id: Uuid::from_u128(9),
            schema_version: 1,
            payload: encode_payload(&LwwPatch {
                fields: vec![("name".into(), FieldValue::Text(format!("Toko {seq}")))],
            }),
        }
    }

    #[test]
    fn bodies_round_trip() {
        let push = PushRequest { ops: (1..=50).map(op).collect() };
        let bytes = encode_body(&push);
        assert_eq!(decode_body::<PushRequest>(&bytes), Ok(push));
    }

    #[test]
    fn wrong_version_truncated_and_garbage_are_refused() {
        let mut bytes = encode_body(&PushRequest { ops: vec![op(1)] });
        assert_eq!(decode_body::<PushRequest>(&bytes[..bytes.len() - 3]), Err(BodyError::Compression));
        assert_eq!(decode_body::<PushRequest>(b"GET / HTTP/1.1"), Err(BodyError::NotABody));
        assert_eq!(decode_body::<PushRequest>(&[]), Err(BodyError::NotABody));
        bytes[2] = 99;
        assert_eq!(
            decode_body::<PushRequest>(&bytes),
            Err(BodyError::WrongVersion { got: 99, ours: PROTOCOL_VERSION })
        );
    }

    /// Fuzz-style: thousands of mutated and random bodies never panic the decoder, and every
    /// body it accepts encodes back to a body that decodes to the same value.
    #[test]
    fn mutated_bodies_never_panic_the_decoder() {
        let mut rng_state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            rng_state ^= rng_state << 13;
            rng_state ^= rng_state >> 7;
            rng_state ^= rng_state << 17;
            rng_state
        };
        let seeds = [
            encode_body(&PushRequest { ops: (1..=20).map(op).collect() }),
            encode_body(&PushRequest { ops: vec![op(1)] }),
            encode_body(&PushRequest { ops: vec![] }),
        ];
        let mut accepted = 0;
        for i in 0..20_000 {
            let mut body = seeds[i % seeds.len()].clone();
            match next() % 4 {
                0 => {
                    let at = (next() as usize) % body.len();
                    body[at] ^= 1 << (next() % 8);
                }
                1 => body.truncate((next() as usize) % (body.len() + 1)),
                2 => {
                    let at = (next() as usize) % (body.len() + 1);
                    body.insert(at, next() as u8);
                }
                _ => body = (0..(next() % 64)).map(|_| next() as u8).collect(),
            }
            if let Ok(v) = decode_body::<PushRequest>(&body) {
                accepted += 1;
                assert_eq!(decode_body::<PushRequest>(&encode_body(&v)), Ok(v));
            }
        }
        assert!(accepted > 0, "some mutations stay valid (e.g. inside op payload bytes)");
    }

    #[test]
    fn a_small_body_cannot_expand_without_limit() {
        // 64 MiB of zeros compresses to a few KiB.
        let bomb = zstd::bulk::compress(&vec![0u8; 64 << 20], 3).unwrap();
        let mut body = b"UH".to_vec();
        body.extend_from_slice(&PROTOCOL_VERSION.to_le_bytes());
        body.push(CODEC_ZSTD);
        body.extend_from_slice(&bomb);
        assert!(body.len() < MAX_BODY_BYTES);
        assert_eq!(decode_body::<PushRequest>(&body), Err(BodyError::TooLarge));
        assert_eq!(decode_body::<PushRequest>(&vec![0u8; MAX_BODY_BYTES + 1]), Err(BodyError::TooLarge));
    }
}
