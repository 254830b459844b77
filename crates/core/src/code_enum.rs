//! `code_enum!`: an enum stored and sent as a short text code (`"kuliner"`, `"asset"`), with
//! the code, the list of values, and parsing, written once.

/// Declares a `Copy` enum whose variants have text codes. Generates `ALL`, `code()` and
/// `from_code()` (case-insensitive, trimmed); serde uses the codes. With `, ProblemVariant`
/// after the name it also generates `parse()`, which reports an unknown code as that
/// [`crate::error::Problem`] variant (for profile inputs).
macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        pub enum $name {
            $($(#[$vm])* #[serde(rename = $code)] $variant,)+
        }
        impl $name {
            /// All values, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The stored code.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            /// The value with this code (case-insensitive), if any.
            pub fn from_code(s: &str) -> Option<Self> {
                let t = s.trim();
                $(if t.eq_ignore_ascii_case($code) { return Some($name::$variant); })+
                None
            }
        }
    };
    ($(#[$m:meta])* $name:ident, $problem:ident { $($body:tt)* }) => {
        code_enum!($(#[$m])* $name { $($body)* });
        impl $name {
            /// Parses a code (case-insensitive), naming the problem when it is unknown.
            pub fn parse(s: &str) -> std::result::Result<Self, crate::error::Problem> {
                Self::from_code(s).ok_or_else(|| crate::error::Problem::$problem(s.trim().to_owned()))
            }
        }
    };
}
