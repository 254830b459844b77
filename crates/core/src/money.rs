//! Money and quantities: integers only, never floats **(I)**.
//!
//! * [`Money`] is a whole number of Rupiah in an `i64`. Rupiah has no sen in daily use, so
//!   parsing accepts a fraction only when it is zero (`1.250.000,00`); anything else is an
//!   error rather than a silent rounding.
//! * [`Qty`] is a quantity in thousandths (`1,5 kg` is `Qty(1500)`), so three decimals at most.
//! * Every arithmetic operation is checked: overflow is an error, never a wrap.
//! * Rounding rule: where a result falls between two whole Rupiah (price × quantity), it is
//!   rounded half away from zero (`Rp1.001` × `0,5` = `Rp501`; `-Rp1.001` × `0,5` = `-Rp501`).
//! * Text form is Indonesian: `Rp1.250.000`, `-Rp5.000` (dot thousands, comma decimals).

use std::fmt;

/// Why a money or quantity value was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    /// The result does not fit in the type.
    #[error("amount out of range")]
    Overflow,
    /// The text is empty.
    #[error("empty amount")]
    Empty,
    /// The text is not a number in Indonesian format.
    #[error("not a number: {0}")]
    NotANumber(String),
    /// Money with a non-zero fraction, or a quantity with more than three decimals.
    #[error("too many decimals: {0}")]
    TooPrecise(String),
}

/// A whole number of Rupiah. Serialised as the plain integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize)]
#[serde(transparent)]
pub struct Money(i64);

/// A quantity in thousandths of a unit. Serialised as the plain integer of thousandths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize)]
#[serde(transparent)]
pub struct Qty(i64);

impl Money {
    /// Zero Rupiah.
    pub const ZERO: Money = Money(0);
    /// The largest amount: Rp9.223.372.036.854.775.807.
    pub const MAX: Money = Money(i64::MAX);

    /// Wraps a whole number of Rupiah.
    pub const fn from_rupiah(rupiah: i64) -> Self {
        Money(rupiah)
    }

    /// The whole number of Rupiah.
    pub const fn rupiah(self) -> i64 {
        self.0
    }

    /// `self + other`, or an error on overflow.
    pub fn checked_add(self, other: Money) -> Result<Money, AmountError> {
        self.0.checked_add(other.0).map(Money).ok_or(AmountError::Overflow)
    }

    /// `self - other`, or an error on overflow.
    pub fn checked_sub(self, other: Money) -> Result<Money, AmountError> {
        self.0.checked_sub(other.0).map(Money).ok_or(AmountError::Overflow)
    }

    /// `-self`, or an error on overflow.
    pub fn checked_neg(self) -> Result<Money, AmountError> {
        self.0.checked_neg().map(Money).ok_or(AmountError::Overflow)
    }

    /// Price per unit × quantity, rounded half away from zero to a whole Rupiah.
    pub fn checked_mul_qty(self, qty: Qty) -> Result<Money, AmountError> {
        let product = i128::from(self.0) * i128::from(qty.0);
        let q = product / 1000;
        let r = product % 1000;
        let rounded = if r.abs() >= 500 { q + product.signum() } else { q };
        i64::try_from(rounded).map(Money).map_err(|_| AmountError::Overflow)
    }

    /// Parses `Rp1.250.000`, `1.250.000`, `1250000`, `Rp 5.000`, `-Rp5.000`, `1.250.000,00`.
    pub fn parse(text: &str) -> Result<Money, AmountError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(AmountError::Empty);
        }
        let (negative, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, t),
        };
        let t = strip_rp(t);
        let (int_part, frac) = split_decimal(t, text)?;
        if let Some(frac) = frac {
            if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
                return Err(AmountError::NotANumber(text.to_owned()));
            }
            if frac.bytes().any(|b| b != b'0') {
                return Err(AmountError::TooPrecise(text.to_owned()));
            }
        }
        let magnitude = parse_grouped(int_part, text)?;
        let value = if negative {
            // i64::MIN has no positive counterpart, so build negatives from the magnitude.
            0i128 - i128::from(magnitude)
        } else {
            i128::from(magnitude)
        };
        i64::try_from(value).map(Money).map_err(|_| AmountError::Overflow)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        write!(f, "{sign}Rp{}", group_thousands(self.0.unsigned_abs()))
    }
}

impl Qty {
    /// Zero.
    pub const ZERO: Qty = Qty(0);

    /// A quantity given in thousandths of a unit.
    pub const fn from_thousandths(thousandths: i64) -> Self {
        Qty(thousandths)
    }

    /// A whole number of units, or an error on overflow.
    pub fn from_units(units: i64) -> Result<Self, AmountError> {
        units.checked_mul(1000).map(Qty).ok_or(AmountError::Overflow)
    }

    /// The quantity in thousandths.
    pub const fn thousandths(self) -> i64 {
        self.0
    }

    /// `self + other`, or an error on overflow.
    pub fn checked_add(self, other: Qty) -> Result<Qty, AmountError> {
        self.0.checked_add(other.0).map(Qty).ok_or(AmountError::Overflow)
    }

    /// `self - other`, or an error on overflow.
    pub fn checked_sub(self, other: Qty) -> Result<Qty, AmountError> {
        self.0.checked_sub(other.0).map(Qty).ok_or(AmountError::Overflow)
    }

    /// Parses `1,5`, `2`, `1.000,25`, `-0,75`: at most three decimals.
    pub fn parse(text: &str) -> Result<Qty, AmountError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(AmountError::Empty);
        }
        let (negative, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let (int_part, frac) = split_decimal(t, text)?;
        let whole = parse_grouped(int_part, text)?;
        let frac_thousandths = match frac {
            None => 0,
            Some(f) => {
                if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(AmountError::NotANumber(text.to_owned()));
                }
                let trimmed = f.trim_end_matches('0');
                if trimmed.len() > 3 {
                    return Err(AmountError::TooPrecise(text.to_owned()));
                }
                let mut padded = trimmed.to_owned();
                while padded.len() < 3 {
                    padded.push('0');
                }
                padded.parse::<u64>().map_err(|_| AmountError::NotANumber(text.to_owned()))?
            }
        };
        let magnitude = i128::from(whole) * 1000 + i128::from(frac_thousandths);
        let value = if negative { -magnitude } else { magnitude };
        i64::try_from(value).map(Qty).map_err(|_| AmountError::Overflow)
    }
}

impl fmt::Display for Qty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (whole, frac) = (abs / 1000, abs % 1000);
        write!(f, "{sign}{}", group_thousands(whole))?;
        if frac != 0 {
            let digits = format!("{frac:03}");
            write!(f, ",{}", digits.trim_end_matches('0'))?;
        }
        Ok(())
    }
}

fn strip_rp(t: &str) -> &str {
    for prefix in ["Rp.", "RP.", "rp.", "Rp", "RP", "rp"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            return rest.trim_start();
        }
    }
    t
}

/// Splits at the decimal comma; more than one comma is not a number.
fn split_decimal<'a>(t: &'a str, original: &str) -> Result<(&'a str, Option<&'a str>), AmountError> {
    let mut parts = t.split(',');
    let int_part = parts.next().unwrap_or_default();
    let frac = parts.next();
    if parts.next().is_some() {
        return Err(AmountError::NotANumber(original.to_owned()));
    }
    Ok((int_part, frac))
}

/// Parses digits with optional dot thousands separators (`1.250.000`, strict groups of three).
fn parse_grouped(t: &str, original: &str) -> Result<u64, AmountError> {
    let bad = || AmountError::NotANumber(original.to_owned());
    if t.is_empty() {
        return Err(bad());
    }
    let groups: Vec<&str> = t.split('.').collect();
    for (i, g) in groups.iter().enumerate() {
        let ok_len = if groups.len() == 1 {
            !g.is_empty()
        } else if i == 0 {
            (1..=3).contains(&g.len())
        } else {
            g.len() == 3
        };
        if !ok_len || !g.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
    }
    let mut value: u64 = 0;
    for b in groups.concat().bytes() {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(b - b'0')))
            .ok_or(AmountError::Overflow)?;
    }
    Ok(value)
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_rupiah() {
        assert_eq!(Money::from_rupiah(0).to_string(), "Rp0");
        assert_eq!(Money::from_rupiah(999).to_string(), "Rp999");
        assert_eq!(Money::from_rupiah(1_000).to_string(), "Rp1.000");
        assert_eq!(Money::from_rupiah(1_250_000).to_string(), "Rp1.250.000");
        assert_eq!(Money::from_rupiah(-5_000).to_string(), "-Rp5.000");
        assert_eq!(Money::MAX.to_string(), "Rp9.223.372.036.854.775.807");
        assert_eq!(Money::from_rupiah(i64::MIN).to_string(), "-Rp9.223.372.036.854.775.808");
    }

    #[test]
    fn parses_rupiah() {
        for (text, want) in [
            ("Rp1.250.000", 1_250_000),
            ("1.250.000", 1_250_000),
            ("1250000", 1_250_000),
            ("Rp 5.000", 5_000),
            ("rp5.000", 5_000),
            ("Rp. 750", 750),
            ("-Rp5.000", -5_000),
            ("  12.500,00 ", 12_500),
            ("Rp9.223.372.036.854.775.807", i64::MAX),
            ("-Rp9.223.372.036.854.775.808", i64::MIN),
        ] {
            assert_eq!(Money::parse(text), Ok(Money::from_rupiah(want)), "{text}");
        }
    }

    #[test]
    fn rejects_bad_rupiah() {
        assert_eq!(Money::parse(""), Err(AmountError::Empty));
        assert!(matches!(Money::parse("12a"), Err(AmountError::NotANumber(_))));
        assert!(matches!(Money::parse("1.25.000"), Err(AmountError::NotANumber(_))));
        assert!(matches!(Money::parse("1,5,0"), Err(AmountError::NotANumber(_))));
        assert!(matches!(Money::parse("1.250,50"), Err(AmountError::TooPrecise(_))));
        assert_eq!(Money::parse("Rp9.223.372.036.854.775.808"), Err(AmountError::Overflow));
        assert_eq!(Money::parse("99999999999999999999999"), Err(AmountError::Overflow));
    }

    #[test]
    fn money_overflow_is_an_error() {
        let max = Money::parse("Rp9.223.372.036.854.775.807").unwrap();
        assert_eq!(max.checked_add(Money::from_rupiah(1)), Err(AmountError::Overflow));
        assert_eq!(
            Money::from_rupiah(i64::MIN).checked_sub(Money::from_rupiah(1)),
            Err(AmountError::Overflow)
        );
        assert_eq!(Money::from_rupiah(i64::MIN).checked_neg(), Err(AmountError::Overflow));
        assert_eq!(
            Money::from_rupiah(1_000).checked_add(Money::from_rupiah(250)),
            Ok(Money::from_rupiah(1_250))
        );
    }

    #[test]
    fn price_times_quantity_rounds_half_away_from_zero() {
        let half = Qty::parse("0,5").unwrap();
        // 1001 × 0.5 = 500.5 → 501
        assert_eq!(Money::from_rupiah(1_001).checked_mul_qty(half), Ok(Money::from_rupiah(501)));
        assert_eq!(Money::from_rupiah(-1_001).checked_mul_qty(half), Ok(Money::from_rupiah(-501)));
        // 15.000/kg × 1,25 kg = 18.750
        let q = Qty::parse("1,25").unwrap();
        assert_eq!(Money::from_rupiah(15_000).checked_mul_qty(q), Ok(Money::from_rupiah(18_750)));
        // 999 × 0,001 = 0.999 → 1; 499 × 0,001 = 0.499 → 0
        let milli = Qty::from_thousandths(1);
        assert_eq!(Money::from_rupiah(999).checked_mul_qty(milli), Ok(Money::from_rupiah(1)));
        assert_eq!(Money::from_rupiah(499).checked_mul_qty(milli), Ok(Money::ZERO));
        assert_eq!(Money::MAX.checked_mul_qty(Qty::from_units(2).unwrap()), Err(AmountError::Overflow));
    }

    #[test]
    fn formats_and_parses_quantities() {
        for (text, thousandths, shown) in [
            ("1,5", 1_500, "1,5"),
            ("2", 2_000, "2"),
            ("0,25", 250, "0,25"),
            ("0,125", 125, "0,125"),
            ("1.000,25", 1_000_250, "1.000,25"),
            ("-0,75", -750, "-0,75"),
            ("3,500", 3_500, "3,5"),
        ] {
            let q = Qty::parse(text).unwrap();
            assert_eq!(q.thousandths(), thousandths, "{text}");
            assert_eq!(q.to_string(), shown, "{text}");
        }
        assert!(matches!(Qty::parse("0,0005"), Err(AmountError::TooPrecise(_))));
        assert!(matches!(Qty::parse("1,5kg"), Err(AmountError::NotANumber(_))));
        assert_eq!(Qty::parse("9.223.372.036.854.776"), Err(AmountError::Overflow));
        assert_eq!(
            Qty::from_thousandths(i64::MAX).checked_add(Qty::from_thousandths(1)),
            Err(AmountError::Overflow)
        );
    }
}
