//! Every incoming JSON-RPC message is checked here before rmcp sees it, over stdio
//! and over HTTP alike, so that each one is answered.
//!
//! rmcp drops unparsable text without a word, answers well-formed JSON of the wrong
//! shape with `-32600` and no id (so a client waits forever for its request), and
//! takes a known method with unusable params for an unknown one (`-32601`). Here the
//! rule is: a request whose `id` can be read gets a reply with exactly that id (a
//! string, or an integer written digit for digit as the client sent it); `null` only
//! when no id can be read. `-32700` is for text that is not JSON, `-32600` for JSON
//! that is not a request, `-32602` for params that do not fit the method.
//!
//! The envelope (`jsonrpc`, `id`, `method`, `params`) is read without building the
//! rest of the message and without a depth limit, so a message nested too deep, or
//! holding a string serde cannot decode (a lone surrogate `"\ud800"`), still has its
//! id read.

use std::fmt;

use rmcp::model::{
    CallToolRequest, ClientJsonRpcMessage, ClientRequest, JsonRpcRequest, RequestId,
};
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

/// serde_json's recursion limit, which rmcp's parser runs into: 128 levels of arrays
/// and objects is one too many (pinned by a test).
pub const MAX_NESTING: usize = 128;

/// Caller values in log lines and error messages are cut to this many characters.
pub const SHOWN_CHARS: usize = 200;

/// What to do with one incoming message.
#[derive(Debug)]
pub enum Check {
    /// rmcp can take it as it is; a request comes parsed (the check had to parse
    /// it anyway, and parsing it once more cost a tenth of a call over stdio).
    Pass(Option<Box<ClientJsonRpcMessage>>),
    /// Nothing to answer: a blank line.
    Blank,
    /// Answer with this error instead of passing the message on.
    Reply(ErrorReply),
}

/// A JSON-RPC error answering a message rmcp must not see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorReply {
    /// The id as JSON text, exactly as the client wrote it, or `null`.
    id: String,
    pub code: i32,
    pub message: String,
}

impl ErrorReply {
    fn new(id: &str, code: i32, message: impl Into<String>) -> ErrorReply {
        ErrorReply {
            id: id.to_string(),
            code,
            message: cut(&message.into(), 2 * SHOWN_CHARS),
        }
    }

    /// An error answering a message whose id could not be read.
    pub fn without_id(code: i32, message: impl Into<String>) -> ErrorReply {
        ErrorReply::new("null", code, message)
    }

    /// An error answering the request with this id (JSON text, as [`initialize_id`]
    /// gives it).
    pub fn with_id(id: &str, code: i32, message: impl Into<String>) -> ErrorReply {
        ErrorReply::new(id, code, message)
    }

    /// The id as it will appear on the wire.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The reply as one line of JSON (without the newline).
    pub fn to_json(&self) -> Vec<u8> {
        let error = serde_json::json!({ "code": self.code, "message": self.message });
        format!(r#"{{"jsonrpc":"2.0","id":{},"error":{}}}"#, self.id, error).into_bytes()
    }

    /// The HTTP status that goes with it: 400 when the body is not a JSON-RPC
    /// request at all (as rmcp answers), 200 for an error about a request.
    pub fn http_status(&self) -> u16 {
        match self.code {
            -32700 | -32600 => 400,
            _ => 200,
        }
    }
}

/// Checks one message: the bytes of a stdio line or of an HTTP body.
pub fn check(bytes: &[u8]) -> Check {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return Check::Reply(ErrorReply::without_id(
                -32700,
                format!(
                    "Parse error: the message is not valid UTF-8 (byte {})",
                    e.valid_up_to()
                ),
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Check::Blank;
    }
    let envelope = match Envelope::read(text) {
        Ok(Envelope::Object(fields)) => fields,
        Ok(Envelope::Array) => {
            return Check::Reply(ErrorReply::without_id(
                -32600,
                "Invalid Request: batches (JSON arrays of messages) are not supported",
            ));
        }
        Ok(Envelope::Other) => {
            return Check::Reply(ErrorReply::without_id(
                -32600,
                "Invalid Request: a message must be a JSON object",
            ));
        }
        Err(e) => {
            return Check::Reply(ErrorReply::without_id(-32700, format!("Parse error: {e}")));
        }
    };
    match envelope.verdict(text) {
        Err(reply) => Check::Reply(reply),
        Ok(parsed) => Check::Pass(parsed.map(Box::new)),
    }
}

/// The id (as JSON text) of a message that is an `initialize` request.
pub fn initialize_id(bytes: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match Envelope::read(text).ok()? {
        Envelope::Object(fields) if fields.method.map(RawValue::get) == Some(r#""initialize""#) => {
            fields.id.map(|id| id.get().to_string())
        }
        _ => None,
    }
}

/// The top level of a message, read without building anything else.
enum Envelope<'a> {
    Object(Fields<'a>),
    Array,
    Other,
}

#[derive(Default)]
struct Fields<'a> {
    jsonrpc: Option<&'a RawValue>,
    id: Option<&'a RawValue>,
    method: Option<&'a RawValue>,
    params: Option<&'a RawValue>,
    /// `result` or `error`: a response from the client.
    response: bool,
    /// `jsonrpc` or `id` given twice (rmcp refuses it; the envelope keeps the last).
    repeated: bool,
}

impl<'a> Envelope<'a> {
    fn read(text: &'a str) -> Result<Envelope<'a>, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(text);
        let envelope = (&mut de).deserialize_any(EnvelopeVisitor)?;
        de.end()?;
        Ok(envelope)
    }
}

struct EnvelopeVisitor;

impl<'de> Visitor<'de> for EnvelopeVisitor {
    type Value = Envelope<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON-RPC message")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = Fields::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            // Values are captured as raw text or skipped; skipping (unlike building a
            // value) has no depth limit and does not decode strings.
            match key.as_ref() {
                "jsonrpc" => {
                    fields.repeated |= fields.jsonrpc.is_some();
                    fields.jsonrpc = Some(map.next_value()?);
                }
                "id" => {
                    fields.repeated |= fields.id.is_some();
                    fields.id = Some(map.next_value()?);
                }
                "method" => fields.method = Some(map.next_value()?),
                "params" => fields.params = Some(map.next_value()?),
                "result" | "error" => {
                    fields.response = true;
                    map.next_value::<IgnoredAny>()?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Envelope::Object(fields))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Envelope::Array)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Envelope::Other)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Envelope::Other)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Envelope::Other)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Envelope::Other)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Envelope::Other)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Envelope::Other)
    }
}

/// What an id's raw text is.
enum IdKind {
    String,
    /// An integer rmcp can hold (it keeps ids as i64).
    Integer,
    /// An integer outside i64: valid JSON-RPC, but not representable downstream.
    BigInteger,
    /// A number with a fraction or an exponent.
    Fraction,
    /// null, true, false, an array or an object.
    Other,
}

fn id_kind(raw: &str) -> IdKind {
    let digits = raw.strip_prefix('-').unwrap_or(raw);
    if raw.starts_with('"') {
        IdKind::String
    } else if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if raw.parse::<i64>().is_ok() {
            IdKind::Integer
        } else {
            IdKind::BigInteger
        }
    } else if digits.starts_with(|c: char| c.is_ascii_digit()) {
        IdKind::Fraction
    } else {
        IdKind::Other
    }
}

impl Fields<'_> {
    /// The error to answer with, or the message for rmcp: parsed when it is a
    /// request, `None` for a notification or a response (parsed where it is used).
    fn verdict(&self, text: &str) -> Result<Option<ClientJsonRpcMessage>, ErrorReply> {
        // The id to echo: whatever the client wrote, if it is a string or a number.
        let echo = match self.id.map(|id| (id.get(), id_kind(id.get()))) {
            Some((raw, IdKind::String | IdKind::Integer | IdKind::BigInteger)) => raw,
            Some((raw, IdKind::Fraction)) => raw,
            _ => "null",
        };
        let invalid = |message: String| Err(ErrorReply::new(echo, -32600, message));
        if let Some(id) = self.id {
            match id_kind(id.get()) {
                IdKind::String | IdKind::Integer | IdKind::Fraction => {}
                IdKind::BigInteger => {
                    return invalid(format!(
                        "Invalid Request: id {} is outside the signed 64-bit range this server supports",
                        cut(id.get(), 40)
                    ));
                }
                IdKind::Other => {
                    return invalid("Invalid Request: id must be a string or an integer".into());
                }
            }
        }
        if self.jsonrpc.map(RawValue::get) != Some(r#""2.0""#) {
            return invalid(r#"Invalid Request: "jsonrpc" must be "2.0""#.into());
        }
        let method = match self.method {
            None if self.response && self.id.is_some() => return Ok(None), // a response: rmcp's
            None => return invalid(r#"Invalid Request: "method" is missing"#.into()),
            Some(raw) => match serde_json::from_str::<String>(raw.get()) {
                Ok(m) => m,
                Err(_) => return invalid(r#"Invalid Request: "method" must be a string"#.into()),
            },
        };
        if let Some(params) = self.params
            && !matches!(params.get().as_bytes().first(), Some(b'{' | b'[') | None)
            && params.get() != "null"
        {
            return invalid(r#"Invalid Request: "params" must be an object or an array"#.into());
        }
        if nesting_depth(text) >= MAX_NESTING {
            return invalid(format!(
                "Invalid Request: JSON nested {MAX_NESTING} levels deep or more (the limit is {})",
                MAX_NESTING - 1
            ));
        }
        // Without an id it is a notification: rmcp ignores the ones it does not know,
        // and there is no request to answer.
        let Some(id) = self.id else {
            return Ok(None);
        };
        if method == "tools/call"
            && !self.response
            && !self.repeated
            && let Some(request) = call_tool_request(text, id)
        {
            return Ok(Some(request));
        }
        match serde_json::from_str::<ClientJsonRpcMessage>(text) {
            Ok(ClientJsonRpcMessage::Request(request)) => match &request.request {
                ClientRequest::CustomRequest(custom)
                    if KNOWN_METHODS.contains(&method.as_str()) =>
                {
                    Err(ErrorReply::new(
                        echo,
                        -32602,
                        params_problem(&method, custom.params.as_ref()),
                    ))
                }
                _ => Ok(Some(ClientJsonRpcMessage::Request(request))),
            },
            Ok(other) => Ok(Some(other)),
            Err(e) => Err(match (e.classify(), self.id.map(|i| id_kind(i.get()))) {
                (_, Some(IdKind::Fraction)) => ErrorReply::new(
                    echo,
                    -32600,
                    "Invalid Request: id must be a string or an integer",
                ),
                (serde_json::error::Category::Syntax | serde_json::error::Category::Eof, _) => {
                    ErrorReply::new(echo, -32700, format!("Parse error: {e}"))
                }
                _ => ErrorReply::new(echo, -32602, format!("Invalid params for {method}: {e}")),
            }),
        }
    }
}

/// A `tools/call` request parsed as rmcp's typed request straight from its text, or
/// `None` to leave it to the general parse (which then words the error).
///
/// rmcp's message and request enums are untagged: serde buffers the whole message
/// and tries the thirteen request kinds before `tools/call` one by one, each failure
/// building an error. The envelope already holds what picks the kind, and the typed
/// request reads the same fields (`method`, `params` with its `_meta`) with the same
/// code, so the result is the one the general parse would give.
fn call_tool_request(text: &str, id: &RawValue) -> Option<ClientJsonRpcMessage> {
    let id: RequestId = serde_json::from_str(id.get()).ok()?;
    let request: CallToolRequest = serde_json::from_str(text).ok()?;
    Some(ClientJsonRpcMessage::Request(JsonRpcRequest::new(
        id,
        ClientRequest::CallToolRequest(request),
    )))
}

/// The methods rmcp knows as requests from a client (`ClientRequest`'s variants): a
/// message naming one of them that rmcp still takes for a custom request has params
/// that do not fit.
const KNOWN_METHODS: [&str; 21] = [
    "initialize",
    "ping",
    "server/discover",
    "completion/complete",
    "logging/setLevel",
    "prompts/get",
    "prompts/list",
    "resources/list",
    "resources/templates/list",
    "resources/read",
    "subscriptions/listen",
    "resources/subscribe",
    "resources/unsubscribe",
    "tools/call",
    "tools/list",
    "tasks/get",
    "tasks/update",
    "tasks/cancel",
    "skills/list",
    "skills/get",
    "resources/directory/read",
];

/// Why `params` do not fit `method`, from the typed params where this server serves
/// the method.
#[allow(deprecated)] // SetLevelRequestParams: logging/setLevel is still served
fn params_problem(method: &str, params: Option<&serde_json::Value>) -> String {
    use rmcp::model::{
        CallToolRequestParams, CompleteRequestParams, GetPromptRequestParams,
        InitializeRequestParams, ReadResourceRequestParams, SetLevelRequestParams,
    };
    fn fit<T: serde::de::DeserializeOwned>(params: Option<&serde_json::Value>) -> Option<String> {
        let value = params.cloned().unwrap_or(serde_json::Value::Null);
        serde_json::from_value::<T>(value)
            .err()
            .map(|e| e.to_string())
    }
    let problem = match method {
        "tools/call" => fit::<CallToolRequestParams>(params),
        "resources/read" => fit::<ReadResourceRequestParams>(params),
        "prompts/get" => fit::<GetPromptRequestParams>(params),
        "completion/complete" => fit::<CompleteRequestParams>(params),
        "logging/setLevel" => fit::<SetLevelRequestParams>(params),
        "initialize" => fit::<InitializeRequestParams>(params),
        _ => None,
    };
    match problem {
        Some(p) => format!("Invalid params for {method}: {p}"),
        None => format!("Invalid params for {method}"),
    }
}

/// The deepest nesting of arrays and objects in `text`, brackets inside strings aside.
pub fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// At most `max` characters of `text`, with a note of how much was cut.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((end, _)) => format!("{}… ({} bytes in all)", &text[..end], text.len()),
    }
}

/// A caller's value as it may appear in a log line: escaped (no newline, control
/// character or terminal escape gets through) and cut to [`SHOWN_CHARS`] characters.
pub fn shown(value: &str) -> String {
    let escaped: String = cut_chars(value, SHOWN_CHARS).escape_debug().collect();
    if value.chars().count() > SHOWN_CHARS {
        format!("{escaped}… ({} bytes in all)", value.len())
    } else {
        escaped
    }
}

fn cut_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        None => text,
        Some((end, _)) => &text[..end],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(text: &str) -> ErrorReply {
        match check(text.as_bytes()) {
            Check::Reply(r) => r,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn a_tools_call_read_straight_is_the_request_rmcp_would_parse() {
        let calls = [
            r#"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"answer_cmk_question","arguments":{"question":"How do I rotate?"}}}"#,
            r#"{"id":"a-1","params":{"_meta":{"progressToken":3,"x":[1]},"name":"troubleshoot","arguments":{"symptom":"\u00e9 \ud83d\ude00 \"q\"","n":1.5,"big":18446744073709551616,"neg":-3}},"method":"tools/call","jsonrpc":"2.0","extra":[1,{"b":null}]}"#,
            r#"{"jsonrpc":"2.0","id":-9223372036854775808,"method":"tools/call","params":{"name":"x","requestState":"s","arguments":{}}}"#,
            r#"{"jsonrpc":"2.0","id":"","method":"tools/call","params":{"name":""}}"#,
        ];
        for text in calls {
            let Ok(Envelope::Object(fields)) = Envelope::read(text) else {
                panic!("{text}")
            };
            let straight = call_tool_request(text, fields.id.unwrap()).expect(text);
            let general: ClientJsonRpcMessage = serde_json::from_str(text).unwrap();
            assert_eq!(
                serde_json::to_value(&straight).unwrap(),
                serde_json::to_value(&general).unwrap(),
                "{text}"
            );
            assert!(
                matches!(check(text.as_bytes()), Check::Pass(Some(_))),
                "{text}"
            );
        }
        // What the straight read does not take is left to the general parse, and
        // refused as before.
        for (text, code) in [
            (
                r#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"arguments":{}}}"#,
                -32602,
            ),
            (
                r#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":null}"#,
                -32602,
            ),
            (r#"{"jsonrpc":"2.0","id":1,"method":"tools/call"}"#, -32602),
            (
                r#"{"jsonrpc":"2.0","id":1.5,"method":"tools/call","params":{"name":"x"}}"#,
                -32600,
            ),
            (
                r#"{"jsonrpc":"2.0","id":1,"id":2,"method":"tools/call","params":{"name":"x"}}"#,
                -32602,
            ),
            (
                r#"{"jsonrpc":"2.0","jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x"}}"#,
                -32602,
            ),
            (
                r#"{"jsonrpc":"2.0","id":1,"method":"tools/call","method":"tools/call","params":{"name":"x"}}"#,
                -32602,
            ),
            (
                r#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x"},"params":{"name":"y"}}"#,
                -32602,
            ),
            (
                r#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x"},"result":{}}"#,
                -32602,
            ),
        ] {
            // rmcp makes no call of it either: an error, or a custom request.
            let general = serde_json::from_str::<ClientJsonRpcMessage>(text);
            assert!(
                !matches!(&general, Ok(ClientJsonRpcMessage::Request(r))
                    if matches!(r.request, ClientRequest::CallToolRequest(_))),
                "{text}"
            );
            assert_eq!(reply(text).code, code, "{text}");
        }
    }

    #[test]
    fn the_nesting_check_refuses_exactly_what_serde_json_cannot_parse() {
        for depth in 1..260 {
            for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
                let text = format!(
                    r#"{{"jsonrpc":"2.0","id":1,"method":"ping","params":{{"x":{}1{}}}}}"#,
                    open.repeat(depth),
                    close.repeat(depth)
                );
                let parses = serde_json::from_str::<serde_json::Value>(&text).is_ok();
                let passes = matches!(check(text.as_bytes()), Check::Pass(_));
                assert_eq!(parses, passes, "depth {depth} with {open}");
            }
        }
        // Brackets inside strings do not nest.
        let quoted = format!(
            r#"{{"jsonrpc":"2.0","id":1,"method":"ping","params":{{"a":"{}\"{}"}}}}"#,
            "[".repeat(300),
            "{".repeat(300)
        );
        assert!(matches!(check(quoted.as_bytes()), Check::Pass(_)));
    }

    #[test]
    fn good_messages_pass() {
        for text in [
            r#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#,
            r#"{"jsonrpc":"2.0","id":"a","method":"tools/list","params":{}}"#,
            r#"{"jsonrpc":"2.0","id":-9223372036854775808,"method":"ping"}"#,
            r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            r#"{"jsonrpc":"2.0","id":3,"method":"tools/run"}"#,
            r#"{"jsonrpc":"2.0","id":4,"result":{}}"#,
            "\u{feff}{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
        ] {
            assert!(matches!(check(text.as_bytes()), Check::Pass(_)), "{text}");
        }
        assert!(matches!(check(b" \r\n"), Check::Blank));
    }

    #[test]
    fn ids_are_echoed_as_written() {
        let r = reply(r#"{"jsonrpc":"2.0","id":18446744073709551615,"method":"ping"}"#);
        assert_eq!((r.id(), r.code), ("18446744073709551615", -32600));
        let r = reply(r#"{"jsonrpc":"2.0","id":"x\"y","method":"tools/call","params":"z"}"#);
        assert_eq!((r.id(), r.code), (r#""x\"y""#, -32600));
        let text = String::from_utf8(r.to_json()).unwrap();
        assert!(
            text.starts_with(r#"{"jsonrpc":"2.0","id":"x\"y","error":{"#),
            "{text}"
        );
        let r = reply(r#"{"jsonrpc":"2.0","id":[1],"method":"ping"}"#);
        assert_eq!((r.id(), r.code), ("null", -32600));
    }

    #[test]
    fn the_methods_rmcp_knows_are_the_ones_listed() {
        for method in [
            "ping",
            "tools/list",
            "prompts/list",
            "resources/list",
            "resources/templates/list",
        ] {
            let text = format!(r#"{{"jsonrpc":"2.0","id":1,"method":"{method}"}}"#);
            let message: ClientJsonRpcMessage = serde_json::from_str(&text).unwrap();
            let ClientJsonRpcMessage::Request(r) = message else {
                panic!("{method}")
            };
            assert!(
                !matches!(r.request, ClientRequest::CustomRequest(_)),
                "{method}"
            );
            assert!(KNOWN_METHODS.contains(&method));
        }
        let r = reply(
            r#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"a","arguments":"x"}}"#,
        );
        assert_eq!(r.code, -32602);
        assert!(r.message.contains("tools/call"), "{}", r.message);
    }

    #[test]
    fn shown_values_are_escaped_and_cut() {
        assert_eq!(shown("$(id)\n\u{1b}[31m"), "$(id)\\n\\u{1b}[31m");
        let long = "é".repeat(1000);
        let s = shown(&long);
        assert!(s.starts_with(&"é".repeat(SHOWN_CHARS)));
        assert!(s.ends_with("… (2000 bytes in all)"), "{s}");
    }
}
