//! Any bytes a network can deliver go to the sync body decoder: it must never panic, and what
//! it accepts must survive re-encoding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use usahaku_proto::wire::{PullResponse, PushRequest, decode_body, encode_body};

fuzz_target!(|data: &[u8]| {
    if let Ok(v) = decode_body::<PushRequest>(data) {
        assert_eq!(decode_body::<PushRequest>(&encode_body(&v)).ok(), Some(v));
    }
    let _ = decode_body::<PullResponse>(data);
});
