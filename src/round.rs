//! Scores and confidences as results show them: rounded to three decimals. An `f32`
//! widened to `f64` on the way to JSON would otherwise print as `0.9900000095367432`.

use serde::Serializer;

/// `x` rounded to three decimals, as the nearest `f64` (which prints short).
pub fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// For `#[serde(serialize_with = "crate::round::serialize")]` on an `f32` field
/// (with `#[schemars(with = "f64")]`).
pub fn serialize<S: Serializer>(x: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(round3(*x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_three_decimals_at_most() {
        let json = |x: f32| serde_json::to_value(round3(x)).unwrap().to_string();
        assert_eq!(json(0.99), "0.99");
        assert_eq!(json(20.277), "20.277");
        assert_eq!(json(19.375), "19.375");
        assert_eq!(json(0.123_456), "0.123");
        assert_eq!(json(3.0), "3.0");
    }
}
