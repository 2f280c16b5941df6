//! The messages between the page and the analysis worker, and how they are encoded.
//!
//! Every message travels as a `Packet`: postcard bytes of an [`Input`] or [`Output`]. The packet
//! layer (a plain byte string) is the same in every build, so a worker left in a cache by an older
//! build can always be read, and a message it sends that this build cannot decode becomes a
//! reported failure instead of a panic on the page.

use scoring::analysis::robustness::Robustness;
use scoring::analysis::{FrontierEntry, Pareto, References, Suggestion, Warning};
use scoring::{Edits, Package, PartyFlips};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// Bumped whenever [`Input`] or [`Output`] changes shape.
pub const PROTOCOL: u32 = 7;

/// The file Trunk writes for the worker (its loader shim), relative to the page.
pub const WORKER_LOADER: &str = "worker_loader.js";

/// Monte-Carlo samples on the page (the CLI lets users choose).
pub const PAGE_SAMPLES: usize = 10_000;
/// The seed of the page's draws, fixed so that a link always shows the same bands.
pub const PAGE_SEED: u64 = 1;

/// What the page asks of the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Input {
    /// Say whether you run this protocol (answered by [`Output::Ready`]).
    Hello,
    /// A model file's bytes, checked against the hash this build recorded for `version`.
    Model { version: String, bytes: Vec<u8> },
    /// Analyse `package` under model `version`; answered by parts, then `Done`. A newer request
    /// makes every older one stale: the worker stops it and the page drops what it sent.
    Analyse {
        id: u64,
        version: String,
        edits: Edits,
        package: Package,
        concentration: u32,
    },
    /// The frontier and the reference packages of model `version`'s opening package.
    Overview {
        id: u64,
        version: String,
        edits: Edits,
    },
    /// Read an assumptions file for model `version` (answered by [`Output::Assumptions`]). The
    /// JSON reader lives in the worker, so the page's wasm does not carry it.
    ReadAssumptions { version: String, text: String },
    /// Build a classroom view under model `version` for the page's link body `link`, as
    /// `www/classroom.js` asks for it in `message` (see [`ViewRequest::read`]; answered by
    /// [`Output::View`]).
    View {
        version: String,
        message: String,
        link: String,
    },
    /// Time each part of the analysis in the worker (the benchmark build only).
    Bench { id: u64, version: String },
}

/// Which classroom view, and what it is of. Each is answered by one [`Output::View`]: a JSON
/// text that `www/classroom.js` draws (the page's wasm only relays the script's message and
/// the answer, so it carries no table code; the worker builds it with the core, as the CLI
/// does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewRequest {
    /// The packages the link body `link` compares (its `c=` parts), under its edits.
    Compare {
        link: String,
    },
    Matrix,
    /// The term sheet of the package in the link body `link` (each provision's standing as
    /// the link opens anywhere), with its QR code to `url` (the page's address up to `#`)
    /// followed by the package's link.
    TermSheet {
        link: String,
        url: String,
    },
    /// A link pasted into the comparison: the column it adds, and what of it was not carried.
    Paste {
        link: String,
        text: String,
    },
    /// The assumptions file of the link's edits (the CLI's `export --assumptions LINK`), to
    /// download.
    Assumptions {
        link: String,
    },
    /// A QR code of `url` (the page's link or a delegation's: `www/qr.js`), answered with
    /// the link it holds. The encoder lives in the worker, so the page's wasm does not carry it.
    Qr {
        url: String,
    },
}

impl ViewRequest {
    /// The message for the page's link: `compare`, `matrix`, `sheet <page address>`, `paste
    /// <text>` (from `www/classroom.js`), `assumptions` (the editor's download button), `qr
    /// <address>` (`www/qr.js`: the header's button and `www/delegation.js`'s links);
    /// `None` for anything else.
    pub fn read(message: &str, link: String) -> Option<ViewRequest> {
        let (command, rest) = message.split_once(' ').unwrap_or((message, ""));
        let rest = rest.trim().to_string();
        Some(match command {
            "compare" => ViewRequest::Compare { link },
            "matrix" => ViewRequest::Matrix,
            "sheet" => ViewRequest::TermSheet { link, url: rest },
            "paste" => ViewRequest::Paste { link, text: rest },
            "assumptions" => ViewRequest::Assumptions { link },
            "qr" => ViewRequest::Qr { url: rest },
            _ => return None,
        })
    }
}

/// One part of the analysis of a package.
// A message is built, sent and dropped, never stored in bulk: boxing the large parts would
// only add allocations.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Part {
    Warnings(Vec<Warning>),
    Nearest(Option<Suggestion>),
    Pareto(Pareto),
    Robustness(Robustness),
    /// The smallest single-weight edit that changes each verdict (`Scenario::flip_points`).
    Flips(Vec<PartyFlips>),
    References(References),
    Frontier(Vec<FrontierPoint>),
    /// `name=microseconds` lines from [`Input::Bench`].
    Bench(String),
}

/// A frontier point as the page draws it: the entry without its package, which the chart and
/// its table never show (the packages were most of the message: 239 of them, 16 ms of
/// decoding at 4× CPU in the load's busiest stretch).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrontierPoint {
    /// Values of the first and second belligerent, points.
    pub values: [f64; 2],
    pub acceptable_to_both: bool,
    /// Frontier packages on the straight stretch before this point (`FrontierEntry::between`).
    pub between: u32,
}

impl From<&FrontierEntry> for FrontierPoint {
    fn from(entry: &FrontierEntry) -> Self {
        FrontierPoint {
            values: entry.values,
            acceptable_to_both: entry.acceptable_to_both,
            between: entry.between,
        }
    }
}

/// What the worker answers.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Output {
    Ready {
        protocol: u32,
    },
    Part {
        id: u64,
        part: Part,
    },
    /// Request `id` is complete.
    Done {
        id: u64,
    },
    /// An assumptions file read: the edits, or every problem with its place.
    Assumptions(Result<Edits, Vec<String>>),
    /// A classroom view as JSON (`{"view": "compare" | "matrix" | "sheet" | "paste", …}`).
    View(String),
    /// Something went wrong: a request the worker cannot serve, or a panic inside it.
    Failed {
        id: Option<u64>,
        message: String,
    },
}

/// A message as it crosses between page and worker: postcard bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Packet(pub Vec<u8>);

impl Packet {
    pub fn pack<T: Serialize>(message: &T) -> Packet {
        Packet(postcard::to_allocvec(message).unwrap_or_default())
    }

    pub fn unpack<T: for<'de> Deserialize<'de>>(&self) -> Result<T, String> {
        postcard::from_bytes(&self.0).map_err(|error| error.to_string())
    }
}

/// gloo-worker's codec for [`Packet`]s: the bytes as a `Uint8Array`. Decoding a packet cannot
/// fail (any bytes are a packet), so the bridge never panics on a message from another build.
#[derive(Debug)]
pub struct Bytes;

impl gloo_worker::Codec for Bytes {
    fn encode<I>(input: I) -> JsValue
    where
        I: Serialize,
    {
        let bytes = postcard::to_allocvec(&input).unwrap_or_default();
        js_sys::Uint8Array::from(bytes.as_slice()).into()
    }

    fn decode<O>(input: JsValue) -> O
    where
        O: for<'de> Deserialize<'de>,
    {
        let bytes = js_sys::Uint8Array::new(&input).to_vec();
        match postcard::from_bytes(&bytes) {
            Ok(message) => message,
            // gloo-worker's own envelope around our packet failed to decode: only a worker of
            // another gloo-worker version could send that. Abort loudly rather than guess.
            Err(error) => panic!("the analysis worker sent an unreadable message: {error}"),
        }
    }
}
